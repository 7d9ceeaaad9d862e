"""One module per check: the class that detects its violations and builds its fixes."""
