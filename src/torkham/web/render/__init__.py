"""Drawing for the web pages: SVG charts (charts), the province map (mapsvg) and the actor network (network)."""
