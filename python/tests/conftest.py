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
