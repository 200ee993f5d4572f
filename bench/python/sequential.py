"""The tutorial's first version: one URL after another. Usage: sequential.py LIST"""
import sys
import time

from common import download_one, read_list, summary


def main():
    sites = read_list(sys.argv[1])
    start = time.perf_counter()
    total = 0
    for url in sites:
        total += download_one(url)
    summary(sites, total, start, time.perf_counter())


if __name__ == "__main__":
    main()
