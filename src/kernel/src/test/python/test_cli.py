"""The launcher's set-up commands end to end: `racecourse doctor` and `racecourse lab --no-browser`."""
import json
import os
import re
import socket
import subprocess
import tempfile
import time
import unittest
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../../../../.."))
LAUNCHER = os.path.join(ROOT, "bin", "racecourse")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DoctorTests(unittest.TestCase):
    def test_doctor_passes_on_a_working_setup(self):
        done = subprocess.run([LAUNCHER, "doctor"], capture_output=True, text=True, timeout=180)
        self.assertEqual(0, done.returncode, done.stdout + done.stderr)
        self.assertIn("kernel started and ran a cell", done.stdout)
        self.assertIn("Everything works", done.stdout)

    def test_doctor_names_a_missing_kernel_and_the_fix(self):
        with tempfile.TemporaryDirectory() as home:
            env = dict(os.environ, JUPYTER_PATH=os.path.join(home, "none"), HOME=home)
            env.pop("JUPYTER_DATA_DIR", None)
            done = subprocess.run([LAUNCHER, "doctor"], capture_output=True, text=True, timeout=180, env=env)
        if "kernelspec 'racecourse' at /usr" in done.stdout:
            self.skipTest("a system-wide racecourse kernel is installed on this machine")
        self.assertEqual(1, done.returncode, done.stdout)
        self.assertIn("PROBLEM  kernelspec 'racecourse'", done.stdout)
        self.assertIn("fix: install it", done.stdout)


class LabTests(unittest.TestCase):
    def test_lab_serves_the_course_with_the_kernel(self):
        port = free_port()
        lab = subprocess.Popen([LAUNCHER, "lab", "--no-browser", "--port", str(port), "--classic"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
        try:
            token, seen, deadline = None, [], time.monotonic() + 90
            while token is None and time.monotonic() < deadline:
                line = lab.stdout.readline()
                if not line:
                    break
                seen.append(line)
                found = re.search(r"http://(?:localhost|127\.0\.0\.1):%d/\S*token=(\w+)" % port, line)
                if found:
                    token = found.group(1)
            self.assertIsNotNone(token, "".join(seen))

            def get(path):
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}?token={token}", timeout=30) as r:
                    return json.load(r)

            self.assertIn("racecourse", get("/api/kernelspecs")["kernelspecs"])
            first = get("/api/contents/notebooks/00-start-here.ipynb")
            self.assertEqual("notebook", first["type"])
        finally:
            lab.terminate()
            lab.wait(timeout=30)


if __name__ == "__main__":
    unittest.main()
