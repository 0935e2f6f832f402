"""salestui: run sales meetings and follow their action items through, in the terminal."""

__version__ = "0.1.0"
