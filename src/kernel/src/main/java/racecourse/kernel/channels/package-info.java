/**
 * The kernel's Jupyter sockets: jjava's connection, with shell, control and heartbeat loops that wait in the socket's
 * poll, so that a request is handled as soon as it arrives.
 */
package racecourse.kernel.channels;
