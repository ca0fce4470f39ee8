"""Geography: the bundled boundaries (Natural Earth, OpenStreetMap) and the admin-1 crosswalk."""
