package io.merx.rest.internal;

import java.io.ByteArrayOutputStream;
import java.util.List;

import javax.servlet.Servlet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code GET /metrics} in the Prometheus text format, for callers with merx-viewer (Prometheus basic_auth). */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/metrics")
@HttpWhiteboardServletName("merx-metrics")
public final class MetricsServlet extends ApiServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public MetricsServlet(@Reference RestCore core) {
        super(core, "/metrics");
        router().add("GET", "", Role.VIEWER, this::metrics);
    }

    private void metrics(Exchange exchange, List<String> path) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16384);
        core().metrics().write(bytes, core().runtime());
        exchange.response.setStatus(200);
        exchange.response.setContentType(RestMetrics.contentType());
        exchange.response.setContentLength(bytes.size());
        bytes.writeTo(exchange.response.getOutputStream());
    }
}
