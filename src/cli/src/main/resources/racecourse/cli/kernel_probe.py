"""Talks to a Jupyter kernel through jupyter_client, for `racecourse doctor` and `racecourse bench kernel`.

  kernel_probe.py spec KERNEL           print the folder of KERNEL's kernelspec, or None
  kernel_probe.py cell KERNEL CODE      start KERNEL, run CODE, print one JSON line and shut it down
  kernel_probe.py startup ROUNDS K...   time launch -> first cell result for each kernel, alternating, JSON out
"""
import json
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel

FIRST_CELL = {"racecourse": "1 + 1", "python3": "1 + 1"}


def run_cell(kernel, code, timeout=60):
    started = time.monotonic()
    km, kc = start_new_kernel(kernel_name=kernel, startup_timeout=timeout)
    try:
        msg_id = kc.execute(code)
        result, error = None, None
        while True:
            msg = kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "execute_result":
                result = content["data"].get("text/plain")
            elif kind == "error":
                error = content["ename"] + ": " + content["evalue"]
            elif kind == "status" and content["execution_state"] == "idle":
                break
        return {"kernel": kernel, "seconds": time.monotonic() - started, "result": result, "error": error}
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main(argv):
    if len(argv) == 2 and argv[0] == "spec":
        from jupyter_client.kernelspec import KernelSpecManager
        print(KernelSpecManager().find_kernel_specs().get(argv[1]))
        return 0
    if len(argv) >= 3 and argv[0] == "cell":
        print(json.dumps(run_cell(argv[1], argv[2])))
        return 0
    if len(argv) >= 3 and argv[0] == "startup":
        rounds, kernels = int(argv[1]), argv[2:]
        times = {k: [] for k in kernels}
        for _ in range(rounds):
            for k in kernels:
                outcome = run_cell(k, FIRST_CELL.get(k, "1 + 1"))
                if outcome["error"] or outcome["result"] is None:
                    print(json.dumps({"error": f"{k}: {outcome}"}))
                    return 1
                times[k].append(outcome["seconds"])
        print(json.dumps({k: {"median": statistics.median(v), "runs": v} for k, v in times.items()}))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
