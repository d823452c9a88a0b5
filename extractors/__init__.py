"""Bytes in, models out: readers per format, normalisation, classification, field extraction. Pure."""
