"""``salestui serve``: the terminal app in a browser (textual-serve), each browser
session signed in as one person (issue 17). Sits on core; never imports the TUI."""
