"""The launcher's set-up commands end to end: `racecourse doctor`, `racecourse lab --no-browser`, and
`racecourse kernel install|uninstall` (into temporary prefixes, never the user's own Jupyter folders)."""
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import tempfile
import time
import unittest
import urllib.request
import zipfile

from jupyter_client.manager import start_new_kernel

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


def kernel_dir(prefix):
    return os.path.join(prefix, "share", "jupyter", "kernels", "racecourse")


def install(prefix, launcher=LAUNCHER, *extra):
    return subprocess.run([launcher, "kernel", "install", "--prefix", prefix, "--no-aot", *extra],
                          capture_output=True, text=True, timeout=600)


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def run_one_cell(jupyter_path, code):
    """Starts the racecourse kernel found under jupyter_path, runs code, and returns its text/plain result."""
    saved = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = jupyter_path
    try:
        km, kc = start_new_kernel(kernel_name="racecourse", startup_timeout=120)
    finally:
        if saved is None:
            os.environ.pop("JUPYTER_PATH")
        else:
            os.environ["JUPYTER_PATH"] = saved
    try:
        results = []
        kc.execute_interactive(code, timeout=120, output_hook=lambda m: results.append(m["content"]["data"]["text/plain"])
                               if m["msg_type"] == "execute_result" else None)
        return results[0] if results else None
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


class InstallTests(unittest.TestCase):
    def test_install_copies_the_runtime_and_uninstall_removes_it(self):
        with tempfile.TemporaryDirectory() as prefix:
            done = install(prefix)
            self.assertEqual(0, done.returncode, done.stdout + done.stderr)
            spec_dir = kernel_dir(prefix)
            with open(os.path.join(spec_dir, "kernel.json")) as f:
                spec = json.load(f)
            argv = spec["argv"]
            self.assertTrue(os.access(argv[0], os.X_OK), argv[0])
            self.assertNotIn("-javaagent", " ".join(argv))
            classpath = argv[argv.index("-cp") + 1].split(os.pathsep)
            for entry in classpath:
                self.assertTrue(entry.startswith(spec_dir + os.sep) and os.path.isfile(entry), entry)
            self.assertFalse([w for w in argv if w.startswith(ROOT + os.sep)], "kernel.json still points into the checkout")
            kernel_jar = next(p for p in classpath if os.path.basename(p).startswith("racecourse-kernel"))
            with zipfile.ZipFile(kernel_jar) as z:
                manifest = z.read("META-INF/MANIFEST.MF").decode()
            self.assertIn("Implementation-Version: " + spec["metadata"]["racecourse"]["version"], manifest)
            self.assertEqual((32, 32), png_size(os.path.join(spec_dir, "logo-32x32.png")))
            self.assertEqual((64, 64), png_size(os.path.join(spec_dir, "logo-64x64.png")))
            with open(os.path.join(spec_dir, "logo-svg.svg")) as f:
                self.assertIn("<svg", f.read())

            again = install(prefix)  # a reinstall replaces the runtime and leaves one copy
            self.assertEqual(0, again.returncode, again.stdout + again.stderr)
            self.assertEqual(1, len([d for d in os.listdir(spec_dir) if d.startswith("runtime-")]))

            removed = subprocess.run([LAUNCHER, "kernel", "uninstall", "--prefix", prefix],
                                     capture_output=True, text=True, timeout=120)
            self.assertEqual(0, removed.returncode, removed.stderr)
            self.assertFalse(os.path.exists(spec_dir))
            twice = subprocess.run([LAUNCHER, "kernel", "uninstall", "--prefix", prefix],
                                   capture_output=True, text=True, timeout=120)
            self.assertEqual(2, twice.returncode)
            self.assertIn("no kernel 'racecourse'", twice.stderr)

    def test_uninstall_leaves_another_kernel_of_that_name_alone(self):
        with tempfile.TemporaryDirectory() as prefix:
            os.makedirs(kernel_dir(prefix))
            with open(os.path.join(kernel_dir(prefix), "kernel.json"), "w") as f:
                json.dump({"argv": ["python3", "-m", "somebody_else"], "display_name": "x", "language": "python"}, f)
            done = subprocess.run([LAUNCHER, "kernel", "uninstall", "--prefix", prefix],
                                  capture_output=True, text=True, timeout=120)
            self.assertEqual(2, done.returncode)
            self.assertIn("not the course's", done.stderr)
            self.assertTrue(os.path.isfile(os.path.join(kernel_dir(prefix), "kernel.json")))

    def test_installed_kernel_survives_a_moved_and_cleaned_checkout(self):
        with tempfile.TemporaryDirectory() as tmp:
            first = os.path.join(tmp, "checkout")
            os.makedirs(os.path.join(first, "bin"))
            shutil.copy2(LAUNCHER, os.path.join(first, "bin", "racecourse"))
            shutil.copytree(os.path.join(ROOT, "src", "cli", "target", "lib"), os.path.join(first, "src", "cli", "target", "lib"))
            shutil.copy2(os.path.join(ROOT, "src", "cli", "target", "racecourse.jar"), os.path.join(first, "src", "cli", "target"))
            shutil.copytree(os.path.join(ROOT, "kernel-setup"), os.path.join(first, "kernel-setup"))
            os.makedirs(os.path.join(first, "notebooks"))
            prefix = os.path.join(tmp, "jupyter")
            done = install(prefix, os.path.join(first, "bin", "racecourse"))
            self.assertEqual(0, done.returncode, done.stdout + done.stderr)

            moved = os.path.join(tmp, "moved")
            os.rename(first, moved)
            shutil.rmtree(os.path.join(moved, "src", "cli", "target"))  # as `make clean` leaves it

            self.assertEqual("42", run_one_cell(os.path.join(prefix, "share", "jupyter"), "6 * 7"))

    def test_doctor_says_when_the_installed_kernel_is_older_than_the_build(self):
        with tempfile.TemporaryDirectory() as home:
            prefix = os.path.join(home, "jupyter")
            self.assertEqual(0, install(prefix).returncode)
            spec_file = os.path.join(kernel_dir(prefix), "kernel.json")
            with open(spec_file) as f:
                spec = json.load(f)
            spec["metadata"]["racecourse"]["build_stamp"] -= 60_000  # as if installed from the build before
            with open(spec_file, "w") as f:
                json.dump(spec, f)
            env = dict(os.environ, JUPYTER_PATH=os.path.join(prefix, "share", "jupyter"), HOME=home)
            env.pop("JUPYTER_DATA_DIR", None)
            done = subprocess.run([LAUNCHER, "doctor"], capture_output=True, text=True, timeout=300, env=env)
        self.assertEqual(1, done.returncode, done.stdout)
        self.assertIn("is older than the build", done.stdout)
        self.assertIn("fix: install the new build's kernel", done.stdout)


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
