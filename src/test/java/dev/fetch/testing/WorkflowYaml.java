package dev.fetch.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of the YAML that GitHub Actions workflows are written in, as far as fetch's
 * example workflow uses it: block mappings and sequences by indentation, {@code |} literal
 * blocks, double-quoted and plain scalars, flow sequences of plain scalars ({@code [main]}) and
 * comments. Anything else — tabs, an indentation it did not expect, a duplicate key, a line that
 * is neither {@code key: value} nor {@code - item}, anchors, multi-document streams — is an
 * {@link IllegalArgumentException} naming the line, so a broken example fails its test. Mappings
 * become {@link LinkedHashMap}s, sequences {@link List}s, scalars {@link String}s (an empty
 * value is the empty string). Not a general YAML parser; no library is added for one test.
 */
public final class WorkflowYaml {
  private final List<String> lines;
  private int at;

  private WorkflowYaml(String text) {
    this.lines = List.of(text.split("\n", -1));
  }

  /** The document's top-level mapping. */
  public static Map<String, Object> parse(String text) {
    WorkflowYaml reader = new WorkflowYaml(text);
    reader.skipBlank();
    Object root = reader.block(0);
    reader.skipBlank();
    if (reader.at < reader.lines.size()) {
      throw reader.error("unexpected indentation");
    }
    if (!(root instanceof Map)) {
      throw new IllegalArgumentException("the document is not a mapping");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) root;
    return map;
  }

  private Object block(int indent) {
    String line = lines.get(at);
    if (indentOf(line) != indent) {
      throw error("expected indentation " + indent);
    }
    return line.substring(indent).startsWith("- ") ? sequence(indent) : mapping(indent, indent);
  }

  private List<Object> sequence(int indent) {
    List<Object> items = new ArrayList<>();
    while (at < lines.size() && indentOf(lines.get(at)) == indent
        && lines.get(at).substring(indent).startsWith("- ")) {
      String rest = lines.get(at).substring(indent + 2);
      if (rest.matches("[A-Za-z_][A-Za-z0-9_-]*:( .*)?")) {
        items.add(mapping(indent + 2, indent)); // "- key: value" opens a mapping
      } else {
        items.add(scalar(rest));
        at++;
        skipBlank();
      }
    }
    return items;
  }

  /** A mapping whose keys sit at {@code indent}; its first key may follow a {@code - } at dash. */
  private Map<String, Object> mapping(int indent, int dash) {
    Map<String, Object> map = new LinkedHashMap<>();
    boolean first = true;
    while (at < lines.size()) {
      String line = lines.get(at);
      int own = indentOf(line);
      boolean itemStart = first && dash != indent;
      if (!itemStart && own != indent) {
        if (own > indent) {
          throw error("unexpected indentation");
        }
        break;
      }
      if (!itemStart && line.substring(own).startsWith("- ")) {
        break;
      }
      String entry = line.substring(itemStart ? dash + 2 : indent);
      int colon = entry.indexOf(':');
      if (colon <= 0 || !entry.substring(0, colon).matches("[A-Za-z_][A-Za-z0-9_-]*")
          || (colon + 1 < entry.length() && entry.charAt(colon + 1) != ' ')) {
        throw error("not 'key: value'");
      }
      String key = entry.substring(0, colon);
      if (map.containsKey(key)) {
        throw error("duplicate key '" + key + "'");
      }
      String value = stripComment(entry.substring(colon + 1).trim());
      at++;
      if (value.equals("|")) {
        map.put(key, literal(indent));
      } else if (value.isEmpty()) {
        skipBlank();
        boolean nested = at < lines.size() && indentOf(lines.get(at)) > indent;
        boolean sameLevelList = at < lines.size() && indentOf(lines.get(at)) == indent
            && lines.get(at).substring(indent).startsWith("- ");
        map.put(key, nested || sameLevelList ? block(indentOf(lines.get(at))) : "");
      } else {
        map.put(key, scalar(value));
        skipBlank();
      }
      first = false;
    }
    return map;
  }

  /** A {@code |} block: every following line indented deeper than the key, blank lines kept. */
  private String literal(int keyIndent) {
    int blockIndent = -1;
    StringBuilder text = new StringBuilder();
    while (at < lines.size()) {
      String line = lines.get(at);
      if (line.isBlank()) {
        text.append('\n');
        at++;
        continue;
      }
      int own = indentOf(line);
      if (own <= keyIndent) {
        break;
      }
      if (blockIndent < 0) {
        blockIndent = own;
      } else if (own < blockIndent) {
        throw error("a literal block's line less indented than its first");
      }
      text.append(line.substring(blockIndent)).append('\n');
      at++;
    }
    if (blockIndent < 0) {
      throw error("an empty literal block");
    }
    skipBlank();
    return text.toString().replaceAll("\n+$", "\n");
  }

  private Object scalar(String text) {
    if (text.startsWith("\"")) {
      if (!text.endsWith("\"") || text.length() < 2) {
        throw error("an unterminated string");
      }
      return text.substring(1, text.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if (text.startsWith("[")) {
      if (!text.endsWith("]")) {
        throw error("an unterminated flow sequence");
      }
      List<Object> items = new ArrayList<>();
      for (String item : text.substring(1, text.length() - 1).split(",")) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
      return items;
    }
    if (text.startsWith("&") || text.startsWith("*") || text.startsWith("{")
        || text.startsWith("'") || text.startsWith(">")) {
      throw error("a construct this reader does not know: " + text);
    }
    return text;
  }

  private static String stripComment(String value) {
    int hash = value.indexOf(" #");
    return hash >= 0 && !value.startsWith("\"") ? value.substring(0, hash).trim() : value;
  }

  /** Moves past blank lines and comment lines (outside literal blocks). */
  private void skipBlank() {
    while (at < lines.size()) {
      String line = lines.get(at);
      if (line.contains("\t")) {
        throw error("a tab");
      }
      if (line.equals("---") || line.equals("...")) {
        throw error("more than one document");
      }
      if (!line.isBlank() && !line.trim().startsWith("#")) {
        return;
      }
      at++;
    }
  }

  private static int indentOf(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("line " + (at + 1) + ": " + what + ": "
        + (at < lines.size() ? lines.get(at) : "<end>"));
  }
}
