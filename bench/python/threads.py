"""The tutorial's ThreadPoolExecutor(max_workers=5) version. Usage: threads.py LIST [WORKERS]"""
import concurrent.futures
import sys
import time

from common import download_one, read_list, summary, workers_arg


def main():
    sites = read_list(sys.argv[1])
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers_arg(5)) as executor:
        total = sum(executor.map(download_one, sites))
    summary(sites, total, start, time.perf_counter())


if __name__ == "__main__":
    main()
