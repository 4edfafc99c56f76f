# Sourced by the test scripts that need the project's virtual environment: sets VENV and
# creates it (installing python3-venv first when the system's Python lacks it). Idempotent.
VENV=.venv
if ! python3 -c "import venv, ensurepip" >/dev/null 2>&1; then
    echo "apt-get install python3-venv"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq python3-venv >/dev/null
fi
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
