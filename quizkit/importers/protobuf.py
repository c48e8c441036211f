"""Just enough of the protobuf wire format to read the few messages in an Anki package
(the package's meta and media list, note types' kind and templates' question format)."""

from __future__ import annotations


class ProtobufError(ValueError):
    """Bytes that are not a well-formed protobuf message."""


def _varint(data: bytes, position: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if position >= len(data) or shift > 63:
            raise ProtobufError("truncated varint")
        byte = data[position]
        position += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, position
        shift += 7


def fields(data: bytes) -> dict[int, list[int | bytes]]:
    """Each field number with its values in order: ints (varint, fixed) or bytes."""
    found: dict[int, list[int | bytes]] = {}
    position = 0
    while position < len(data):
        key, position = _varint(data, position)
        number, wire = key >> 3, key & 7
        value: int | bytes
        if wire == 0:
            value, position = _varint(data, position)
        elif wire == 1:
            value, position = int.from_bytes(data[position : position + 8], "little"), position + 8
        elif wire == 2:
            length, position = _varint(data, position)
            if position + length > len(data):
                raise ProtobufError("truncated field")
            value, position = data[position : position + length], position + length
        elif wire == 5:
            value, position = int.from_bytes(data[position : position + 4], "little"), position + 4
        else:
            raise ProtobufError(f"unsupported wire type {wire}")
        found.setdefault(number, []).append(value)
    return found


def first_int(message: dict[int, list[int | bytes]], number: int, default: int = 0) -> int:
    for value in message.get(number, []):
        if isinstance(value, int):
            return value
    return default


def first_text(message: dict[int, list[int | bytes]], number: int) -> str:
    for value in message.get(number, []):
        if isinstance(value, bytes):
            return value.decode("utf-8", errors="replace")
    return ""
