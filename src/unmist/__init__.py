"""unmist: turn a pile of reports on political violence into a sourced, reconciled incident ledger."""

__version__ = "0.1.0"
