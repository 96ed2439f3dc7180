package dev.flowcost.report.html;

/**
 * A tiny SVG writer that escapes every text and attribute value, so a state named {@code <script>} is drawn as
 * those characters and never becomes markup. The HTML template inserts its output unescaped, so everything that
 * reaches the page through here must pass {@link #escape}.
 */
final class Svg {

    private final StringBuilder out = new StringBuilder(1024);

    Svg(double width, double height, String cssClass, String label) {
        out.append("<svg class=\"").append(escape(cssClass)).append("\" role=\"img\" aria-label=\"")
                .append(escape(label)).append("\" width=\"").append(num(width)).append("\" height=\"")
                .append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
                .append("\">");
    }

    /** An arrowhead marker for lines, with an id unique in the page. */
    Svg arrowMarker(String id) {
        out.append("<defs><marker id=\"").append(escape(id)).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
                .append(" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .append("<path d=\"M 0 0 L 10 5 L 0 10 z\" class=\"arrowhead\"/></marker></defs>");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String cssClass, String title) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" rx=\"4\" class=\"").append(escape(cssClass))
                .append("\">");
        if (title != null) {
            out.append("<title>").append(escape(title)).append("</title>");
        }
        out.append("</rect>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass, String markerId) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" class=\"").append(escape(cssClass))
                .append('"');
        if (markerId != null) {
            out.append(" marker-end=\"url(#").append(escape(markerId)).append(")\"");
        }
        out.append("/>");
        return this;
    }

    Svg polyline(double[] xs, double[] ys, String cssClass) {
        out.append("<polyline class=\"").append(escape(cssClass)).append("\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            out.append(i == 0 ? "" : " ").append(num(xs[i])).append(',').append(num(ys[i]));
        }
        out.append("\"/>");
        return this;
    }

    Svg circle(double cx, double cy, double r, String cssClass) {
        out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r))
                .append("\" class=\"").append(escape(cssClass)).append("\"/>");
        return this;
    }

    /** Text at (x, y); anchor is start, middle or end. */
    Svg text(double x, double y, String text, String anchor, String cssClass) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
                .append(escape(anchor)).append("\" class=\"").append(escape(cssClass)).append("\">")
                .append(escape(text)).append("</text>");
        return this;
    }

    String end() {
        return out.append("</svg>").toString();
    }

    /** Escapes text and attribute values for HTML and SVG alike. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        long tenths = Math.round(v * 10);
        long whole = Math.abs(tenths) / 10;
        return (tenths < 0 ? "-" : "") + whole + "." + Math.abs(tenths) % 10;
    }
}
