"""API keys: who may read, write or administer, created and revoked from the command line."""
