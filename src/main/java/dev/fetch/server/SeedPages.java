package dev.fetch.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 15 Wikipedia pages of the tutorial fetch grew from, with the byte counts the tutorial
 * printed, so the local site can stand in for the real one.
 */
public final class SeedPages {
  /** The latency each seed page is served with unless a request asks otherwise. */
  public static final int DEFAULT_DELAY_MILLIS = 150;

  private static final Map<String, Integer> SIZES = new LinkedHashMap<>();

  static {
    SIZES.put("Portal:Arts", 129886);
    SIZES.put("Portal:History", 184343);
    SIZES.put("Portal:Society", 224118);
    SIZES.put("Portal:Biography", 107637);
    SIZES.put("Portal:Mathematics", 151021);
    SIZES.put("Portal:Technology", 157811);
    SIZES.put("Portal:Geography", 167923);
    SIZES.put("Portal:Science", 91533);
    SIZES.put("Computer_science", 321352);
    SIZES.put("Python_(programming_language)", 391905);
    SIZES.put("Java_(programming_language)", 321417);
    SIZES.put("PHP", 468461);
    SIZES.put("Node.js", 180298);
    SIZES.put("The_C_Programming_Language", 56765);
    SIZES.put("Go_(programming_language)", 324039);
  }

  private SeedPages() {}

  /** Page name (as in the Wikipedia URL) to size in bytes, in the tutorial's order. */
  public static Map<String, Integer> sizes() {
    return java.util.Collections.unmodifiableMap(SIZES);
  }

  /** The sum of all sizes: what one full download of the seed list reads. */
  public static long totalBytes() {
    return SIZES.values().stream().mapToLong(Integer::longValue).sum();
  }
}
