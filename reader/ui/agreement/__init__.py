"""Analysis > Intercoder Agreement: the agreement table, disagreements and reconciling."""

from reader.ui.agreement.window import AgreementWindow

__all__ = ["AgreementWindow"]
