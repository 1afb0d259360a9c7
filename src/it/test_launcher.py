"""How bin/racecourse finds a JDK 25: fake JDK layouts of macOS, Homebrew, SDKMAN, conda and Linux/WSL in a
temporary folder, each with a `bin/java` that reports its version the way a real JDK does.

    python3 -m unittest discover -s src/it -p 'test_*.py'
"""
import os
import shutil
import subprocess
import tempfile
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../.."))
LAUNCHER = os.path.join(ROOT, "bin", "racecourse")
TOOLS = ["bash", "sed", "readlink", "dirname", "grep", "uname", "cat", "env"]


def fake_jdk(home, version):
    """A folder shaped like a JDK whose java prints `java.specification.version = VERSION` as `java` does."""
    os.makedirs(os.path.join(home, "bin"), exist_ok=True)
    java = os.path.join(home, "bin", "java")
    with open(java, "w") as f:
        f.write("#!/bin/sh\n"
                f"echo '    java.specification.version = {version}' >&2\n"
                f"echo 'openjdk version \"{version}\"' >&2\n")
    os.chmod(java, 0o755)
    javac = os.path.join(home, "bin", "javac")
    shutil.copy(java, javac)
    return home


class JdkDiscoveryTests(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="racecourse-jdks-")
        self.root = os.path.join(self.tmp, "root")   # stands for / (macOS and Linux system folders)
        self.home = os.path.join(self.tmp, "home")
        self.tools = os.path.join(self.tmp, "tools")  # only the commands the launcher uses, so no real java leaks in
        for d in (self.root, self.home, self.tools):
            os.makedirs(d)
        for tool in TOOLS:
            found = shutil.which(tool, path="/usr/bin:/bin")
            self.assertIsNotNone(found, tool)
            os.symlink(found, os.path.join(self.tools, tool))

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def find(self, path_dirs=(), **env):
        """Runs `bin/racecourse --java-home` with a clean environment; returns (exit status, stdout, stderr)."""
        clean = {"PATH": os.pathsep.join([*path_dirs, self.tools]), "HOME": self.home,
                 "RACECOURSE_FS_ROOT": self.root}
        clean.update(env)
        done = subprocess.run([LAUNCHER, "--java-home"], capture_output=True, text=True, timeout=60, env=clean)
        return done.returncode, done.stdout.strip(), done.stderr

    def assertFinds(self, expected, *args, **env):
        status, out, err = self.find(*args, **env)
        self.assertEqual((0, expected), (status, out), err)

    def test_java_home_wins_when_it_is_25(self):
        jdk = fake_jdk(os.path.join(self.tmp, "temurin-25"), 25)
        self.assertFinds(jdk, JAVA_HOME=jdk)

    def test_java_home_of_another_version_is_passed_over(self):
        old = fake_jdk(os.path.join(self.tmp, "jdk-17"), 17)
        new = fake_jdk(os.path.join(self.root, "usr", "lib", "jvm", "temurin-25-jdk-amd64"), 25)
        self.assertFinds(new, JAVA_HOME=old)

    def test_conda_style_java_on_path_as_repo2docker_has_it(self):
        prefix = os.path.join(self.tmp, "srv", "conda", "envs", "notebook")
        jdk = fake_jdk(os.path.join(prefix, "lib", "jvm"), 25)
        os.makedirs(os.path.join(prefix, "bin"))
        os.symlink(os.path.join(jdk, "bin", "java"), os.path.join(prefix, "bin", "java"))
        self.assertFinds(jdk, [os.path.join(prefix, "bin")])

    def test_plain_java_on_path(self):
        jdk = fake_jdk(os.path.join(self.tmp, "opt", "jdk-25"), 25)
        self.assertFinds(jdk, [os.path.join(jdk, "bin")])

    def test_macos_java_home_tool(self):
        jdk = fake_jdk(os.path.join(self.root, "Library", "Java", "JavaVirtualMachines", "zulu-25.jdk", "Contents", "Home"), 25)
        tool = os.path.join(self.root, "usr", "libexec", "java_home")
        os.makedirs(os.path.dirname(tool))
        with open(tool, "w") as f:
            f.write(f'#!/bin/sh\n[ "$1" = "-v" ] && [ "$2" = "25" ] && echo "{jdk}" && exit 0\nexit 1\n')
        os.chmod(tool, 0o755)
        self.assertFinds(jdk)

    def test_homebrew_on_apple_silicon(self):
        jdk = fake_jdk(os.path.join(self.root, "opt", "homebrew", "opt", "openjdk@25", "libexec", "openjdk.jdk", "Contents", "Home"), 25)
        self.assertFinds(jdk)

    def test_homebrew_on_intel(self):
        jdk = fake_jdk(os.path.join(self.root, "usr", "local", "opt", "openjdk@25", "libexec", "openjdk.jdk", "Contents", "Home"), 25)
        self.assertFinds(jdk)

    def test_sdkman_picks_the_25_among_others(self):
        java = os.path.join(self.home, ".sdkman", "candidates", "java")
        fake_jdk(os.path.join(java, "17.0.12-tem"), 17)
        jdk = fake_jdk(os.path.join(java, "25.0.1-tem"), 25)
        self.assertFinds(jdk)

    def test_linux_and_wsl_packages(self):
        fake_jdk(os.path.join(self.root, "usr", "lib", "jvm", "java-17-openjdk-amd64"), 17)
        jdk = fake_jdk(os.path.join(self.root, "usr", "lib", "jvm", "java-25-openjdk-amd64"), 25)
        self.assertFinds(jdk)

    def test_no_jdk_25_is_a_clear_error(self):
        fake_jdk(os.path.join(self.root, "usr", "lib", "jvm", "java-17-openjdk-amd64"), 17)
        status, out, err = self.find()
        self.assertEqual(3, status)
        self.assertEqual("", out)
        self.assertIn("no JDK 25 found", err)
        self.assertIn("JAVA_HOME", err)


if __name__ == "__main__":
    unittest.main()
