"""``python -m salestui``: the same as the ``salestui`` command."""

from salestui.cli import main

if __name__ == "__main__":
    main()
