import os
import sys

PYTHON_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, PYTHON_ROOT)
EXAMPLES = os.path.join(PYTHON_ROOT, "examples")


def service_env():
    """The environment a service started by the tests needs: the package on PYTHONPATH, as loopsim sets it."""
    env = dict(os.environ)
    env["PYTHONPATH"] = PYTHON_ROOT + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env

# The environment's episodes here are days of a few members, each in its own loopsim JVM: the
# optimising compiler and a parallel collector cost those short JVMs more CPU than they save
# (measured: 80 CPU-s for test_env.py with the defaults, 48 with these).
os.environ.setdefault("LOOPSIM_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
