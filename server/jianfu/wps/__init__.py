"""WPS add-in tooling: locate the shipped add-in, build the offline package, register it per user."""
