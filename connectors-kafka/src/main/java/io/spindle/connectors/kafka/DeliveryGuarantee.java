package io.spindle.connectors.kafka;

/** What a Kafka sink promises about each record after failures and restores. */
public enum DeliveryGuarantee {
    /** In one transaction per checkpoint, visible to read_committed consumers once the checkpoint completes. */
    EXACTLY_ONCE,
    /** Acknowledged by Kafka before each checkpoint completes; a restore may write some records again. */
    AT_LEAST_ONCE,
    /** Sent as they come; records in flight at a failure may be lost or written again. */
    NONE
}
