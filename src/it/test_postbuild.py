"""Binder and JupyterHub images: runs `postBuild` in an environment shaped like repo2docker's, then one notebook
with the kernel it installed.

repo2docker runs postBuild in a fresh copy of the repository with the environment's `bin` first on PATH (its
`java` a JDK 25, its `jupyter` the hub's), NB_PYTHON_PREFIX set, and neither JAVA_HOME nor CONDA_PREFIX. Here
the environment is a virtual environment of the system's Python (so `--sys-prefix` lands in a temporary folder,
never in the machine's Jupyter), the copy is made from this checkout's files, and HOME is a temporary folder.

    python3 -m unittest discover -s src/it -p 'test_*.py'
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../.."))
NOTEBOOK = "notebooks/00-start-here.ipynb"


def jdk25():
    """A JDK 25 of this machine, found the way the launcher finds one."""
    done = subprocess.run([os.path.join(ROOT, "bin", "racecourse"), "--java-home"], capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else None


def checkout_copy(target):
    """Copies the files git knows of (committed or not, but not ignored): the tree a fresh clone would have."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for rel in filter(None, listed):
        src = os.path.join(ROOT, rel)
        if not os.path.lexists(src):
            continue  # deleted in the working tree
        dst = os.path.join(target, rel)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(src, dst, follow_symlinks=False)


class PostBuildTests(unittest.TestCase):
    def test_postbuild_in_a_repo2docker_shaped_environment_then_a_notebook(self):
        jdk = jdk25()
        self.assertIsNotNone(jdk, "this test needs a JDK 25 on the machine")
        with tempfile.TemporaryDirectory(prefix="racecourse-binder-") as tmp:
            repo = os.path.join(tmp, "repo")
            checkout_copy(repo)
            prefix = os.path.join(tmp, "srv", "conda", "envs", "notebook")
            subprocess.run([sys.executable, "-m", "venv", "--without-pip", "--system-site-packages", prefix], check=True)
            bin_dir = os.path.join(prefix, "bin")
            python = os.path.join(bin_dir, "python")
            # the environment's own Jupyter commands, as conda installs them (each runs the environment's Python)
            commands = {"jupyter": "jupyter_core.command import main",
                        "jupyter-kernelspec": "jupyter_client.kernelspecapp import KernelSpecApp"}
            for name, source in commands.items():
                call = "main()" if source.endswith("main") else "KernelSpecApp.launch_instance()"
                with open(os.path.join(bin_dir, name), "w") as f:
                    f.write(f"#!{python}\nimport sys\nfrom {source}\nsys.exit({call})\n")
                os.chmod(os.path.join(bin_dir, name), 0o755)
            where = subprocess.run([python, "-c", "import sys; print(sys.prefix)"], capture_output=True, text=True)
            self.assertEqual(os.path.realpath(prefix), os.path.realpath(where.stdout.strip()))
            for tool in ("java", "javac"):  # conda's openjdk puts these in the environment's bin
                os.symlink(os.path.join(jdk, "bin", tool), os.path.join(bin_dir, tool))
            mvn = shutil.which("mvn")
            self.assertIsNotNone(mvn, "this test needs Maven")
            os.symlink(mvn, os.path.join(bin_dir, "mvn"))
            home = os.path.join(tmp, "home")
            os.makedirs(home)
            env = {k: v for k, v in os.environ.items()
                   if k not in ("JAVA_HOME", "CONDA_PREFIX", "JUPYTER_PATH", "JUPYTER_DATA_DIR", "VIRTUAL_ENV",
                                "MAKEFLAGS", "MAKELEVEL", "MFLAGS", "PYTHON", "RACECOURSE_HOME")}
            env.update(PATH=os.pathsep.join([bin_dir, "/usr/local/bin", "/usr/bin", "/bin"]), HOME=home,
                       NB_PYTHON_PREFIX=prefix, NB_USER="jovyan")

            built = subprocess.run(["./postBuild"], cwd=repo, env=env, capture_output=True, text=True, timeout=1800)
            self.assertEqual(0, built.returncode, built.stdout[-3000:] + built.stderr[-3000:])

            spec_dir = os.path.join(prefix, "share", "jupyter", "kernels", "racecourse")
            self.assertTrue(os.path.isfile(os.path.join(spec_dir, "kernel.json")), built.stdout + built.stderr)
            self.assertFalse(os.path.exists(os.path.join(home, ".local", "share", "jupyter", "kernels", "racecourse")))
            with open(os.path.join(spec_dir, "kernel.json")) as f:
                argv = json.load(f)["argv"]
            self.assertEqual(os.path.realpath(os.path.join(jdk, "bin", "java")), os.path.realpath(argv[0]))
            leftovers = [d for d in os.listdir(os.path.dirname(spec_dir)) if d != "racecourse"]
            self.assertEqual([], leftovers, "the --sys-prefix probe left a kernelspec behind")

            ran = subprocess.run([python, "src/it/notebooks.py", NOTEBOOK], cwd=repo, env=env,
                                 capture_output=True, text=True, timeout=900)
            self.assertEqual(0, ran.returncode, ran.stdout[-3000:] + ran.stderr[-3000:])
            self.assertIn("1 passed, 0 failed", ran.stdout)


if __name__ == "__main__":
    unittest.main()
