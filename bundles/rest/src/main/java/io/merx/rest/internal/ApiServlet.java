package io.merx.rest.internal;

import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the JSON servlets: routes the request and turns every failure into a JSON error answer, so the body
 * never holds a stack trace and the container never sees an exception.
 */
abstract class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    private final transient RestCore core;
    private final String prefix;
    private final transient Router router = new Router();

    ApiServlet(RestCore core, String prefix) {
        this.core = core;
        this.prefix = prefix;
    }

    Router router() {
        return router;
    }

    RestCore core() {
        return core;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        Exchange exchange = null;
        try {
            exchange = new Exchange(request, response, core, prefix);
            router.dispatch(exchange);
        } catch (IOException e) {
            // Every IOException of the runtime is answered where it happens; what arrives here is the
            // connection failing while the body was read or the answer written.
            LOG.debug("Client connection failed during {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.toString());
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError error) {
                throw error;
            }
            if (exchange == null) {
                exchange = Exchange.bare(request, response, core);
            }
            Errors.send(exchange, Errors.map(e));
        }
    }
}
