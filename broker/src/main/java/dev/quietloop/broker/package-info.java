/**
 * The broker process: its command line ({@code BrokerMain}) and configuration ({@code BrokerContext}), and one
 * run of it: sequenced by {@code RunCoordinator}, over its threads ({@code BrokerPipeline}), the children it
 * launches ({@code LaunchedChildren}), the wait for the end ({@code RunEndWatch}) and the report ({@code FinalReport}).
 */
package dev.quietloop.broker;
