"""%%explore over the protocol: a cell's program explored in a child JVM, options, and clear errors."""
import time

from test_protocol import KernelTestCase

COUNTER = ("class Counter { int v; }\n"
           "Explore.of(Counter::new).thread(c -> c.v++).thread(c -> c.v++).after(c -> c.v)")


class ExploreMagicTests(KernelTestCase):
    def test_the_cells_program_is_explored_and_shown_as_chart_and_text(self):
        cell = self.run_cell("%%explore --strategy exhaustive\n" + COUNTER)
        self.assert_ok(cell)
        shown = cell.of("display_data")
        self.assertEqual(1, len(shown))
        data = shown[0]["data"]
        self.assertIn("image/png", data)
        self.assertIn("Explored 6 schedules", data["text/plain"])
        self.assertRegex(data["text/plain"], r"result 1 +4 ")
        self.assertRegex(data["text/plain"], r"result 2 +2 ")

    def test_the_kernel_and_the_cells_child_switch_threads_as_continuations(self):
        cell = self.run_cell("racecourse.explore.sched.Run.continuations()")
        self.assert_ok(cell)
        self.assertEqual("true", cell.result["text/plain"])
        cell = self.run_cell('%%explore\nSystem.out.println("continuations " + '
                             'racecourse.explore.sched.Run.continuations());\n' + COUNTER)
        self.assert_ok(cell)
        self.assertIn("continuations true", cell.stdout)

    def test_options_reach_the_explorer(self):
        cell = self.run_cell('%%explore --replay "A B A B"\n' + COUNTER)
        self.assert_ok(cell)
        text = cell.of("display_data")[0]["data"]["text/plain"]
        self.assertIn("Explored 1 schedule", text)
        self.assertIn("result 1", text)

    def test_bad_options_and_a_cell_without_a_program_are_clear_errors(self):
        cell = self.run_cell("%%explore --strategy nope\n" + COUNTER)
        self.assertIn("usage: %%explore", cell.error["evalue"])
        cell = self.run_cell("%%explore\nint x = 1;\nx + 1")
        self.assertIn("not a program to explore", cell.error["evalue"])
        self.assertIn("must be the program to explore", cell.stdout)

    def test_the_cell_does_not_see_earlier_cells(self):
        self.assert_ok(self.run_cell("int earlier = 3;"))
        cell = self.run_cell("%%explore\nint y = earlier + 1;")
        self.assertIn("does not compile", cell.error["evalue"])
        self.assertIn("runs on its own", cell.stdout)

    def test_the_stop_button_ends_the_child(self):
        cell = self.run_cell('%%explore\nSystem.out.println("spinning");\nwhile (true) Thread.onSpinWait();',
                             interrupt_on="spinning")
        self.assertIsNotNone(cell.error)
        self.assertRegex(cell.error["evalue"], "interrupted|stopped")
        deadline = time.monotonic() + 60
        while True:  # the child JVM goes away: wait for that state, with a generous deadline
            left = self.run_cell("ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count()")
            if left.result["text/plain"] == "0" or time.monotonic() > deadline:
                break
        self.assertEqual("0", left.result["text/plain"])

    def test_earlier_classes_come_along_but_earlier_statements_do_not_run_again(self):
        self.assert_ok(self.run_cell("class Tally { int v; }\nSystem.out.println(\"ran once\");"))
        cell = self.run_cell("%%explore --strategy exhaustive\n"
                             "Explore.of(Tally::new).thread(t -> t.v++).thread(t -> t.v++).after(t -> t.v)")
        self.assert_ok(cell)
        self.assertIn("Explored 6 schedules", cell.of("display_data")[0]["data"]["text/plain"])
        self.assertNotIn("ran once", cell.stdout)

    def test_race_cells_get_earlier_classes_too(self):
        self.assert_ok(self.run_cell("import java.util.concurrent.atomic.*;\n"
                                     "class Hits { final AtomicInteger n = new AtomicInteger(); void hit() { n.incrementAndGet(); } }"))
        cell = self.run_cell("%%race\nHits h = new Hits();\nThread t = new Thread(h::hit);\nt.start();\nh.hit();\n"
                             "t.join();\nh.n.get()")
        self.assert_ok(cell)
        self.assertEqual("2", cell.result["text/plain"])

