import Plotly from 'plotly.js-dist-min';
import createPlotlyComponent from 'react-plotly.js/factory';

// Kept in its own module so Plotly (several MB) loads only when a chart first shows.
const PlotlyPlot = createPlotlyComponent(Plotly);
export default PlotlyPlot;
