package dev.fetch.server;

/** The site's index page: what it serves, with ready-to-copy URLs. */
final class SiteHelp {
  private SiteHelp() {}

  static String text(String base) {
    return String.join("\n",
        "fetch test site: deterministic pages for comparing download modes offline.",
        "",
        "  " + base + "/bytes/N[/ANY]?delay=MS&rate=BYTES_PER_SEC   N bytes ('a'..'z' repeated)",
        "      with ETag \"N-vV\" and Last-Modified; ?v=V another version of the body;",
        "      If-None-Match / If-Modified-Since (304), Range and If-Range (206, 416);",
        "      ?cut=K sends up to byte K, then cuts the connection",
        "  " + base + "/status/CODE?retry-after=S               that status (200-599)",
        "  " + base + "/drop/N                  promises N+1024 bytes, cuts the connection after N",
        "  " + base + "/stall                   headers, then a body that never comes",
        "  " + base + "/redirect/K              K redirects, then 200",
        "  " + base + "/wiki/NAME?delay=MS      a tutorial page at its real size (150 ms late)",
        "  " + base + "/list?count=N&size=B&delay=MS   a URL list of N such pages",
        "  " + base + "/seed.txt?delay=MS       the tutorial's 15 pages, as a URL list",
        "",
        "Every endpoint takes ?delay=MS (latency before the headers).",
        "  curl -s " + base + "/seed.txt > seed.txt && fetch seed.txt",
        "");
  }
}
