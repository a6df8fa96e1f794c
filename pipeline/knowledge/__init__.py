"""Language knowledge loaded from models/: the resource loader (one load per process) and the
organisation knowledge base. Reads data, never documents."""
