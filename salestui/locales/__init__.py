"""Message catalogs. English is the source language and needs no catalog."""
