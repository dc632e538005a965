"""Issue 10, SPARQL on the command line: SERVICE is refused unless allowed (checked against what
Oxigraph itself does), a query has a time limit, and Ctrl-C stops it at once."""
import signal
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest

from claimgraph.store.guard import uses_service

from conftest import sparql_json

HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 760³ rows: minutes

# Ways to write a service, each checked to reach the service when Oxigraph runs it.
SERVICES = {
    "plain": "SELECT ?x WHERE { SERVICE <URL> { ?x ?p ?o } }",
    "lower case": "select ?x where { service <URL> { ?x ?p ?o } }",
    "no spaces": "SELECT ?x WHERE {SERVICE<URL>{?x ?p ?o}}",
    "silent glued": "SELECT ?x WHERE { SERVICESILENT<URL> { ?x ?p ?o } }",
    "empty prefix glued": "PREFIX : <URLBASE> SELECT ?x WHERE { SERVICE:sparql { ?x ?p ?o } }",
    "prefix glued": "PREFIX e: <URLBASE> SELECT ?x WHERE { SERVICEe:sparql { ?x ?p ?o } }",
    "after a triple": "SELECT ?x WHERE { ?s ?p ?o SERVICE <URL> { ?x ?p2 ?o2 } }",
    "after a literal": 'SELECT ?x WHERE { ?s ?p "o"SERVICE<URL> { ?x ?p2 ?o2 } }',
    "after a dot": "SELECT ?x WHERE { ?s ?p ?o.SERVICE<URL> { ?x ?p2 ?o2 } }",
    "comment between": "SELECT ?x WHERE { SERVICE#c\n<URL> { ?x ?p ?o } }",
    "less-than hides it as an IRI": "SELECT ?x WHERE { BIND(1 AS ?a) FILTER(?a<2)SERVICE#>\n<URL> { ?x ?p ?o } }",
    "less-than opens a fake string": "SELECT ?x WHERE { BIND(1 AS ?a) FILTER(?a<2)#>'''\nSERVICE <URL> { ?x ?p ?o } #'''\n}",
    "in FILTER EXISTS": "SELECT ?x WHERE { BIND(1 AS ?x) FILTER EXISTS { SERVICE <URL> { ?y ?p ?o } } }",
    "in a subquery": "SELECT ?x WHERE { { SELECT ?x WHERE { SERVICE <URL> { ?x ?p ?o } } } }",
    "in OPTIONAL": "SELECT ?x WHERE { ?s ?p ?o OPTIONAL { SERVICE <URL> { ?x ?p2 ?o2 } } }",
    "relative to BASE": "BASE <URLBASE> SELECT ?x WHERE { SERVICE <sparql> { ?x ?p ?o } }",
    "ASK": "ASK { SERVICE <URL> { ?y ?p ?o } }",
    "CONSTRUCT": "CONSTRUCT { ?x ?x ?x } WHERE { SERVICE <URL> { ?x ?p ?o } }",
}
HARMLESS = {
    "in a string": 'SELECT ?x WHERE { BIND("SERVICE <URL> { ?s ?p ?o }" AS ?x) }',
    "in a long string": "SELECT ?x WHERE { BIND('''SERVICE <URL> {}''' AS ?x) }",
    "in an IRI": "SELECT ?x WHERE { BIND(<http://example.org/SERVICE> AS ?x) }",
    "in IRIs of a VALUES row": "SELECT ?x WHERE { VALUES (?a ?x) { (<http://a#b> <http://example.org/service?x=1>) } }",
    "a variable and a comment": "SELECT ?service WHERE { ?service ?p ?o } # SERVICE <URL> {}",
    "local names": "PREFIX ex: <http://example.org/> SELECT ?x WHERE { ?x ex:service ?o ; ex:SERVICE ?y }",
    "a language tag": 'SELECT ?x WHERE { ?x ?p "x"@service }',
}


@pytest.fixture
def service(tiny_http):
    """(url, requests) of a SPARQL endpoint that SERVICE calls would reach."""
    return tiny_http(sparql_json)


def _fill(query: str, url: str) -> str:
    return query.replace("URLBASE", url.rsplit("/", 1)[0] + "/").replace("URL", url)


@pytest.mark.parametrize("name", list(SERVICES))
def test_every_way_to_write_service_is_found(service, name):
    """The tokenizer finds each, and each really reaches the service in Oxigraph (so the list
    tests the guard against the parser it protects)."""
    url, requests = service
    query = _fill(SERVICES[name], url)
    assert uses_service(query)
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://s"), ox.NamedNode("http://p"), ox.Literal("o")))
    answer = store.query(query)
    list(answer) if not isinstance(answer, ox.QueryBoolean) else bool(answer)
    assert requests, "Oxigraph did not call the service: the case tests nothing"


@pytest.mark.parametrize("name", list(HARMLESS))
def test_service_in_strings_iris_and_names_is_not_refused(run, service, name):
    url, requests = service
    query = _fill(HARMLESS[name], url)
    assert not uses_service(query)
    result = run("query", query)
    assert result.exit_code == 0, result.stderr
    assert requests == []


def test_query_refuses_service_unless_allowed(run, service):
    """Regression: `query` followed SERVICE <http://…> to any host:port (SSRF)."""
    url, requests = service
    query = _fill(SERVICES["plain"], url)
    result = run("query", query)
    assert result.exit_code == 1
    assert "SERVICE" in result.stderr and "--allow-service" in result.stderr
    assert requests == []
    assert run("query", query, "--allow-service").exit_code == 0
    assert requests


def test_query_has_a_time_limit():
    """(A process of its own: the abandoned query runs on until the process exits.)"""
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "claimgraph.cli", "query", HEAVY, "--timeout", "1"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 4
    assert "ran past its 1 s time limit" in result.stderr and "Traceback" not in result.stderr
    assert time.monotonic() - started < 30


def test_ctrl_c_stops_a_long_query_at_once():
    """Regression: a long `query` ran on for 30 s and more after SIGINT."""
    process = subprocess.Popen([sys.executable, "-m", "claimgraph.cli", "query", HEAVY, "--timeout", "600"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3)  # loaded and querying
    assert process.poll() is None
    process.send_signal(signal.SIGINT)
    started = time.monotonic()
    out, err = process.communicate(timeout=60)
    assert time.monotonic() - started < 20
    assert process.returncode == 1
    assert "Aborted" in err and "Traceback" not in err


@pytest.mark.parametrize("value", ["<>", "<x y>"])
def test_bind_of_an_invalid_iri_is_one_line(run, value):
    result = run("query", "--name", "figures_about_country", "--bind", f"code={value}")
    assert result.exit_code == 1
    assert "is not an IRI" in result.stderr and "Traceback" not in result.stderr


JUNK = [" ", "", "\t", "\n", "#x\n", "#>\n", ".", "(", ")", "<", ">", "'", '"', "'''", "1", "?a", "e:x", ":",
        "FILTER(?a<2)", "BIND(1 AS ?b)", "{}", "OPTIONAL", "SILENT", "\\'", "true", "<http://a#b>"]


def test_mutated_services_that_reach_oxigraph_are_all_found(service):
    """A seeded fuzz: each way to write a service, with junk put in at random places; whenever
    Oxigraph accepts the result and calls the service, the guard must have found it."""
    import random

    url, requests = service
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://s"), ox.NamedNode("http://p"), ox.Literal("o")))
    rng = random.Random(10)
    reached = 0
    for _ in range(600):
        query = _fill(rng.choice(list(SERVICES.values())), url)
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(query.index("{"), len(query))
            query = query[:at] + rng.choice(JUNK) + query[at:]
        before = len(requests)
        try:
            answer = store.query(query)
            list(answer) if not isinstance(answer, ox.QueryBoolean) else bool(answer)
        except (SyntaxError, RuntimeError, ValueError, OSError):
            pass
        if len(requests) > before:
            reached += 1
            assert uses_service(query), query
    assert reached > 50  # the fuzz did reach services
