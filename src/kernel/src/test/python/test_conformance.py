"""Jupyter's own kernel conformance suite (jupyter_kernel_test) against the installed racecourse kernel.

Debian packages it as python3-jupyter-kernel-test; `kernel-setup/install-deps --test` installs it. Run with
JUPYTER_PATH pointing at a folder where `racecourse kernel install --prefix` put the kernelspec.
"""
import os
import time
import unittest
import zipfile
from queue import Empty

import jupyter_kernel_test
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel
from jupyter_client.utils import run_sync
from jupyter_kernel_test.msgspec_v5 import validate_message

SETTLE_DEADLINE = 60


def manifest_version():
    """The Implementation-Version in the manifest of the kernel jar that the installed kernelspec runs."""
    argv = KernelSpecManager().get_kernel_spec("racecourse").argv
    classpath = argv[argv.index("-cp") + 1].split(os.pathsep)
    jar = next(p for p in classpath if os.path.basename(p).startswith("racecourse-kernel"))
    with zipfile.ZipFile(jar) as z:
        manifest = z.read("META-INF/MANIFEST.MF").decode()
    for line in manifest.splitlines():
        if line.startswith("Implementation-Version:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"{jar} has no Implementation-Version")

# jupyter_kernel_test validates every message against the protocol's schemas and checks each reply's fields.


class RacecourseConformanceTests(jupyter_kernel_test.KernelTests):
    kernel_name = "racecourse"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to the error stream");'

    completion_samples = [
        {"text": '"abc".toUpperC', "matches": {"toUpperCase("}},
        {"text": "Math.flo", "matches": {"floor(", "floorDiv(", "floorDivExact(", "floorMod("}},
    ]

    complete_code_samples = ["int x = 1;", "1 + 1", "class A { }"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "class B {"]

    code_generate_error = 'throw new IllegalStateException("expected by the test");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"race" + "course"', "result": "racecourse"},
        {"code": "java.util.List.of(1, 2)", "result": "[1, 2]"},
    ]
    code_history_pattern = "6 *"
    supported_history_operations = ("tail", "range", "search")

    code_display_data = [
        {"code": 'display("shown");', "mime": "text/plain"},
        {"code": 'display(Display.html("<b>bold</b>", "bold"));', "mime": "text/html"},
    ]

    code_inspect_sample = "Math.max"

    @classmethod
    def setUpClass(cls):
        # a generous start-up deadline: the machine running the tests may be busy
        cls.km, cls.kc = start_new_kernel(kernel_name=cls.kernel_name, startup_timeout=120)
        cls.unsettled = set()  # requests sent whose 'idle' status has not been read yet
        send, get_msg = cls.kc.shell_channel.send, cls.kc.iopub_channel.get_msg

        def tracked_send(msg):
            cls.unsettled.add(msg["header"]["msg_id"])
            return send(msg)

        async def tracked_get_msg(*args, **kwargs):
            msg = await get_msg(*args, **kwargs)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                cls.unsettled.discard(msg["parent_header"].get("msg_id"))
            return msg

        cls.kc.shell_channel.send = tracked_send
        cls.kc.iopub_channel.get_msg = tracked_get_msg

    def flush_channels(self):
        """The suite's flush, after waiting until every earlier request's 'idle' status has arrived.

        The suite drains the channels until they stay quiet for 0.1 s; on a busy machine the 'idle' of the previous
        request can come later than that and be taken for the next request's 'busy'. Waiting for the state (each
        request settled), with a generous deadline, keeps the suite's checks as they are and removes the race.
        """
        deadline = time.monotonic() + SETTLE_DEADLINE
        while self.unsettled and time.monotonic() < deadline:
            try:
                validate_message(run_sync(self.kc.iopub_channel.get_msg)(timeout=1))
            except Empty:
                continue
        self.assertFalse(self.unsettled, f"no idle status within {SETTLE_DEADLINE} s for {self.unsettled}")
        super().flush_channels()

    def test_kernel_info_reports_ok_and_the_build_version(self):
        self.flush_channels()
        msg_id = self.kc.kernel_info()
        reply = self.get_non_kernel_info_reply_or_info(msg_id)
        self.assertEqual("ok", reply["content"]["status"])
        self.assertEqual(manifest_version(), reply["content"]["implementation_version"])

    def get_non_kernel_info_reply_or_info(self, msg_id):
        while True:
            reply = self.kc.get_shell_msg(timeout=60)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply


if __name__ == "__main__":
    unittest.main()
