"""Sealed private fields: age encryption (through pyrage) of what only some people may read.

A document's private fields live in one ASCII-armored age value, ``sealed:``, holding a
YAML mapping. Everyone can read the rest of the file; the sealed part opens only with
an identity whose public key the value was sealed to (the program's coordinators and
the people the document concerns). No cryptography is written here: pyrage does it.
"""
