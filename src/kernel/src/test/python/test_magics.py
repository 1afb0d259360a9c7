"""The kernel's magics over the protocol: %time, %%time, %classpath, %jars, %load and unknown magics."""
import os
import pathlib
import tempfile

from test_protocol import KernelTestCase


class MagicTests(KernelTestCase):
    def test_time_line_magic_times_a_statement_and_keeps_its_value(self):
        cell = self.run_cell("%time int slept = 0; for (int i = 0; i < 3; i++) { Thread.sleep(20); slept += 20; }\nslept")
        self.assert_ok(cell)
        self.assertIn("Wall time:", cell.stdout)
        self.assertEqual("60", cell.result["text/plain"])

    def test_time_cell_magic(self):
        cell = self.run_cell("%%time\nThread.sleep(50);\n\"done\"")
        self.assert_ok(cell)
        ms = float(cell.stdout.split("Wall time:")[1].split()[0])
        self.assertGreaterEqual(ms, 50.0)
        self.assertEqual("done", cell.result["text/plain"])

    def test_load_runs_a_file_of_snippets(self):
        with tempfile.NamedTemporaryFile("w", suffix=".jsh", delete=False) as f:
            f.write('int loaded = 6 * 7;\nString greet(String who) { return "hi " + who; }\n')
        try:
            self.assert_ok(self.run_cell(f"%load {f.name}"))
            self.assertEqual("hi 42", self.run_cell('greet("" + loaded)').result["text/plain"])
        finally:
            os.unlink(f.name)

    def test_classpath_and_jars_add_code_to_later_cells(self):
        home = pathlib.Path(os.environ.get("RACECOURSE_TEST_LIB", "src/cli/target/lib")).resolve()
        jar = next(home.glob("commons-math3-*.jar"))
        cell = self.run_cell(f"%classpath {jar}")
        self.assert_ok(cell)
        self.assertIn("Added to the class path", cell.stdout)
        cell = self.run_cell("new org.apache.commons.math3.fraction.Fraction(1, 3).add(new org.apache.commons.math3.fraction.Fraction(1, 6)).toString()")
        self.assertEqual("1 / 2", cell.result["text/plain"])
        cell = self.run_cell(f"%jars {home}/fastutil-*.jar")
        self.assert_ok(cell)
        self.assertIn("Added 1 jar(s)", cell.stdout)

    def test_missing_files_and_unknown_magics_are_clear_errors(self):
        self.assertIn("no such file", self.run_cell("%classpath /no/such.jar").error["evalue"])
        self.assertIn("no jar matches", self.run_cell("%jars /tmp/none-*.jar").error["evalue"])
        self.assertIn("cannot read", self.run_cell("%load /no/such.jsh").error["evalue"])
        self.assertIn("unknown magic %bogus", self.run_cell("%bogus").error["evalue"])
        self.assertIn("unknown magic %%bogus", self.run_cell("%%bogus\n1").error["evalue"])

    def test_errors_after_a_magic_name_the_cells_own_line(self):
        cell = self.run_cell("%time int a = 1;\nint b = a;\nString c = b;")
        self.assertIn("line 3, column", cell.error["evalue"])
