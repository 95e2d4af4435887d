package io.merx.itests.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Every port one Merx node binds, so that several nodes (and a developer's own Karaf, and parallel builds) share
 * one machine: Pax Web's HTTP, Karaf's SSH, the JMX RMI registry and server, and JMXMP (off in the distribution,
 * set anyway so turning it on cannot collide). Karaf's shutdown port is already random (port 0, written to
 * {@code data/port}).
 */
public record NodePorts(int http, int ssh, int rmiRegistry, int rmiServer, int jmxmp) {

    /** Ports that were free a moment ago; all are opened at once so one call never hands out the same port twice. */
    public static NodePorts free() {
        ServerSocket[] sockets = new ServerSocket[5];
        try {
            for (int i = 0; i < sockets.length; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            }
            return new NodePorts(sockets[0].getLocalPort(), sockets[1].getLocalPort(), sockets[2].getLocalPort(),
                    sockets[3].getLocalPort(), sockets[4].getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // a port we could not close is still a port we found
                    }
                }
            }
        }
    }
}
