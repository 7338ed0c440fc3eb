// Records every Content-Security-Policy violation of the page (Trusted Types ones included) for the test.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample || ''}`);
});
