package org.factdesk.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy to the database whose open connections can be frozen: from then on they pass no
 * byte in either direction and are never closed, like a connection whose peer vanished without a
 * word (a half-open connection). Connections made later pass normally.
 */
final class FreezableProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Link> links = new CopyOnWriteArrayList<>();

    private static final class Link {
        volatile boolean frozen;
        final Socket client;
        final Socket upstream;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }
    }

    FreezableProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "freezable-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The connections open now stop passing bytes, for good. */
    void freezeOpenConnections() {
        links.forEach(link -> link.frozen = true);
    }

    int connectionsMade() {
        return links.size();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Link link = new Link(client, new Socket(targetHost, targetPort));
                links.add(link);
                pump(link, link.client, link.upstream);
                pump(link, link.upstream, link.client);
            } catch (IOException e) {
                // closed
            }
        }
    }

    private static void pump(Link link, Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    while (link.frozen) {
                        Thread.sleep(50); // hold the bytes: the other side never hears of them
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
                to.shutdownOutput();
            } catch (IOException | InterruptedException e) {
                // one side went away
            }
        }, "freezable-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Link link : links) {
            link.client.close();
            link.upstream.close();
        }
    }
}
