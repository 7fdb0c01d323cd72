"""The Qt-free core: importers, structure and clause detection, anchoring, store, exports."""
