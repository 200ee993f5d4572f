"""Shared by the three tutorial programs: read the list, download one URL, discard its body.

The tutorial uses `requests.get(url)`; this machine has no PyPI access, so these use the standard
library's `urllib.request.urlopen`, which, like a bare `requests.get`, opens a new connection per
URL. The body is read in 64 KiB chunks and counted, never kept (the tutorial's `len(resp.content)`
holds a whole body in memory, which for 64 MiB pages would measure Python's allocator, not HTTP).
"""
import sys
import urllib.request


def read_list(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def download_one(url):
    n = 0
    with urllib.request.urlopen(url, timeout=120) as resp:
        while True:
            chunk = resp.read(65536)
            if not chunk:
                break
            n += len(chunk)
    print(f"Read {n} from {url}")
    return n


def workers_arg(default):
    return int(sys.argv[2]) if len(sys.argv) > 2 else default


def summary(sites, total, start, end):
    print(f"Download {len(sites)} sites in {end - start:.3f} seconds, {total} bytes")
