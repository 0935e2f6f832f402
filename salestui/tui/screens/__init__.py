"""One module per screen; every screen derives from ``SalestuiScreen``."""
