/**
 * The run's account: the summary keys every process writes its side under, and the equations and
 * verdict that say whether every event is accounted for.
 */
package dev.quietloop.protocol.account;
