import os, sys
# The real interpreter, run in place; isolated (-I) and unbuffered (-u).
print(sys.executable)
print(sys.flags.isolated, sys.flags.no_user_site, sys.flags.ignore_environment)
print(sys.stdout.write_through)
# The minimal environment: no PYTHON* variables, home and cwd the scratch directory.
print(sorted(k for k in os.environ if k.startswith("PYTHON")))
print(os.environ["HOME"] == os.getcwd() == os.environ["TMPDIR"])
print(os.path.basename(__file__))
