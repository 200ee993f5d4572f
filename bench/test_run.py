"""Smoke test of the runner's own parsing and arithmetic (not part of mvn verify): python3 bench/test_run.py"""
import importlib.machinery
import importlib.util
import os
import unittest

_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "run")
_loader = importlib.machinery.SourceFileLoader("bench_run", _path)
_spec = importlib.util.spec_from_loader("bench_run", _loader)
run = importlib.util.module_from_spec(_spec)
_loader.exec_module(run)


class RunnerTest(unittest.TestCase):
    def test_summary_line_gives_elapsed_and_success(self):
        text = ('{"type":"result","index":0,"url":"http://x/","status":200}\n'
                '{"type":"summary","mode":"threads","workers":5,"urls":15,"succeeded":15,"failed":0,'
                '"bytes":3278509,"elapsed_ms":521.231,"unfinished":0}\n')
        self.assertEqual(run.parse_fetch_summary(text, 15), (0.521231, True))

    def test_a_failed_url_or_missing_summary_is_not_a_good_run(self):
        text = '{"type":"summary","urls":15,"succeeded":14,"failed":1,"elapsed_ms":100}\n'
        self.assertEqual(run.parse_fetch_summary(text, 15), (0.1, False))
        self.assertEqual(run.parse_fetch_summary("Exception in thread main\n", 15), (None, False))

    def test_ideal_is_rounds_times_latency(self):
        self.assertAlmostEqual(run.ideal_seconds("seed15", 5), 0.45)
        self.assertAlmostEqual(run.ideal_seconds("seed15", 32), 0.15)
        self.assertAlmostEqual(run.ideal_seconds("many1000", 32), 32 * 0.05)
        self.assertEqual(run.ideal_seconds("tiny5000", 32), 0)

    def test_spread_is_range_over_median(self):
        self.assertAlmostEqual(run.spread([1.0, 1.1, 1.2]), 0.2 / 1.1)
        self.assertIsNone(run.spread([1.0]))


if __name__ == "__main__":
    unittest.main()
