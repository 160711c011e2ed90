package org.factdesk.tip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of the test's IMAP server that can hang: while it does, it takes connections
 * and never says a word on them, like a mail server that stopped answering. Mail waiting on the
 * server is kept, so a test can show it is read once the server answers again.
 */
final class MailboxProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean hanging;

    MailboxProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "mailbox-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void hang(boolean hang) {
        hanging = hang;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                if (hanging) {
                    continue; // held open, silent
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(upstream);
                pipe(client.getInputStream(), upstream.getOutputStream());
                pipe(upstream.getInputStream(), client.getOutputStream());
            } catch (IOException e) {
                // closed, or the server went away: the client sees its connection end
            }
        }
    }

    private static void pipe(InputStream from, OutputStream to) {
        Thread pump = new Thread(() -> {
            try (from; to) {
                from.transferTo(to);
            } catch (IOException e) {
                // one side closed
            }
        }, "mailbox-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
