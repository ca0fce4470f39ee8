"""Dataset layer: event data imported from UCDP, ACLED, GDELT beside the knowledge base."""
