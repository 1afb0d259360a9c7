"""%%race over the protocol: the stop button ends the cell's detector JVM, and the kernel goes on."""
import time

from test_protocol import KernelTestCase


class RaceMagicTests(KernelTestCase):
    def test_the_stop_button_ends_the_detector_jvm(self):
        cell = self.run_cell('%%race\nSystem.out.println("spinning");\nwhile (true) Thread.onSpinWait();',
                             interrupt_on="spinning")
        self.assertIsNotNone(cell.error)
        self.assertEqual("Interrupted", cell.error["ename"], cell.error)
        self.assertIn("%%race was stopped", "\n".join(cell.error["traceback"]))
        deadline = time.monotonic() + 60
        while True:  # the child JVM goes away: wait for that state, with a generous deadline
            left = self.run_cell("ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count()")
            if left.result["text/plain"] == "0" or time.monotonic() > deadline:
                break
        self.assertEqual("0", left.result["text/plain"])

    def test_a_racy_cell_is_reported_after_a_stopped_one(self):
        cell = self.run_cell("%%race\nint[] hits = new int[1];\nThread t = new Thread(() -> hits[0]++);\n"
                             "t.start();\nhits[0]++;\nt.join();\nhits[0]")
        self.assert_ok(cell)
        report = cell.of("display_data")[0]["data"]["text/plain"]
        self.assertIn("WARNING: DATA RACE", report)
        self.assertIn("int[] element 0", report)
