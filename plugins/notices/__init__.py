"""The collection database: object records ("notices") in the Joconde format."""
