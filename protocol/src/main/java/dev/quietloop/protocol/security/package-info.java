/**
 * CURVE on the links between the processes: the key files {@code bin/keys.sh} writes, the keys a
 * process loads with {@code --keys DIR}, the ZAP handler that admits only known clients, and the
 * rule that a link off loopback needs keys or {@code --insecure}.
 */
package dev.quietloop.protocol.security;
