--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: cells; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cells (
    id integer NOT NULL,
    report_id integer NOT NULL,
    key character varying(80),
    table_name character varying(16) NOT NULL,
    row_label text NOT NULL,
    column_label text NOT NULL,
    value double precision,
    raw text NOT NULL,
    meaning character varying(16) NOT NULL,
    unit character varying(8),
    page integer,
    grid_row integer,
    grid_col integer
);


--
-- Name: cells_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.cells_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: cells_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.cells_id_seq OWNED BY public.cells.id;


--
-- Name: documents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.documents (
    id integer NOT NULL,
    sha256 character varying(64) NOT NULL,
    path text NOT NULL,
    name text NOT NULL,
    format character varying(16),
    size integer NOT NULL,
    pages integer,
    status character varying(16) NOT NULL,
    error text,
    ingested_at timestamp with time zone NOT NULL
);


--
-- Name: documents_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.documents_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: documents_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.documents_id_seq OWNED BY public.documents.id;


--
-- Name: facts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.facts (
    id integer NOT NULL,
    report_id integer NOT NULL,
    ord integer NOT NULL,
    section_path text NOT NULL,
    sentence text NOT NULL,
    subject text NOT NULL,
    value double precision NOT NULL,
    unit character varying(8) NOT NULL,
    kind character varying(16) NOT NULL,
    qualifier character varying(16),
    sign integer,
    raw text NOT NULL,
    page integer,
    start integer NOT NULL,
    "end" integer NOT NULL,
    linked_key character varying(80)
);


--
-- Name: facts_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.facts_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: facts_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.facts_id_seq OWNED BY public.facts.id;


--
-- Name: flags; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.flags (
    id integer NOT NULL,
    report_id integer NOT NULL,
    kind character varying(24) NOT NULL,
    message text NOT NULL,
    identity character varying(40),
    "where" character varying(80),
    key character varying(80),
    expected double precision,
    found double precision,
    page integer,
    details json
);


--
-- Name: flags_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.flags_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: flags_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.flags_id_seq OWNED BY public.flags.id;


--
-- Name: reports; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reports (
    id integer NOT NULL,
    document_id integer NOT NULL,
    title text,
    region text,
    admin_code character varying(6),
    region_level character varying(16),
    issuer text,
    issuer_kind character varying(32),
    year integer,
    edition character varying(8),
    other_split boolean
);


--
-- Name: reports_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.reports_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: reports_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.reports_id_seq OWNED BY public.reports.id;


--
-- Name: sections; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sections (
    id integer NOT NULL,
    report_id integer NOT NULL,
    ord integer NOT NULL,
    level integer NOT NULL,
    path text NOT NULL,
    title text NOT NULL,
    text text NOT NULL,
    page integer
);


--
-- Name: sections_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.sections_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: sections_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.sections_id_seq OWNED BY public.sections.id;


--
-- Name: cells id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cells ALTER COLUMN id SET DEFAULT nextval('public.cells_id_seq'::regclass);


--
-- Name: documents id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.documents ALTER COLUMN id SET DEFAULT nextval('public.documents_id_seq'::regclass);


--
-- Name: facts id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.facts ALTER COLUMN id SET DEFAULT nextval('public.facts_id_seq'::regclass);


--
-- Name: flags id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flags ALTER COLUMN id SET DEFAULT nextval('public.flags_id_seq'::regclass);


--
-- Name: reports id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports ALTER COLUMN id SET DEFAULT nextval('public.reports_id_seq'::regclass);


--
-- Name: sections id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sections ALTER COLUMN id SET DEFAULT nextval('public.sections_id_seq'::regclass);


--
-- Data for Name: cells; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.cells VALUES (1, 1, 'requests.received.natural_person', 'requests', '一、本年新收政府信息公开申请数量', '自然人', 623, '623', 'number', NULL, NULL, 3, 2);
INSERT INTO public.cells VALUES (2, 1, 'requests.received.commercial', 'requests', '一、本年新收政府信息公开申请数量', '商业企业', 36, '36', 'number', NULL, NULL, 3, 3);
INSERT INTO public.cells VALUES (3, 1, 'requests.received.research', 'requests', '一、本年新收政府信息公开申请数量', '科研机构', 1, '1', 'number', NULL, NULL, 3, 4);
INSERT INTO public.cells VALUES (4, 1, 'requests.received.social_org', 'requests', '一、本年新收政府信息公开申请数量', '社会公益组织', 0, '0', 'zero', NULL, NULL, 3, 5);
INSERT INTO public.cells VALUES (5, 1, 'requests.received.legal_service', 'requests', '一、本年新收政府信息公开申请数量', '法律服务机构', 2, '2', 'number', NULL, NULL, 3, 6);
INSERT INTO public.cells VALUES (6, 1, 'requests.received.other_org', 'requests', '一、本年新收政府信息公开申请数量', '其他', 1, '1', 'number', NULL, NULL, 3, 7);
INSERT INTO public.cells VALUES (7, 1, 'requests.received.total', 'requests', '一、本年新收政府信息公开申请数量', '总计', 663, '663', 'number', NULL, NULL, 3, 8);
INSERT INTO public.cells VALUES (8, 1, 'requests.carried_over.natural_person', 'requests', '二、上年结转政府信息公开申请数量', '自然人', 71, '71', 'number', NULL, NULL, 4, 2);
INSERT INTO public.cells VALUES (9, 1, 'requests.carried_over.commercial', 'requests', '二、上年结转政府信息公开申请数量', '商业企业', 2, '2', 'number', NULL, NULL, 4, 3);
INSERT INTO public.cells VALUES (10, 1, 'requests.carried_over.research', 'requests', '二、上年结转政府信息公开申请数量', '科研机构', 0, '0', 'zero', NULL, NULL, 4, 4);
INSERT INTO public.cells VALUES (11, 1, 'requests.carried_over.social_org', 'requests', '二、上年结转政府信息公开申请数量', '社会公益组织', 0, '0', 'zero', NULL, NULL, 4, 5);
INSERT INTO public.cells VALUES (12, 1, 'requests.carried_over.legal_service', 'requests', '二、上年结转政府信息公开申请数量', '法律服务机构', 0, '0', 'zero', NULL, NULL, 4, 6);
INSERT INTO public.cells VALUES (13, 1, 'requests.carried_over.other_org', 'requests', '二、上年结转政府信息公开申请数量', '其他', 0, '0', 'zero', NULL, NULL, 4, 7);
INSERT INTO public.cells VALUES (14, 1, 'requests.carried_over.total', 'requests', '二、上年结转政府信息公开申请数量', '总计', 73, '73', 'number', NULL, NULL, 4, 8);
INSERT INTO public.cells VALUES (15, 1, 'requests.result.disclosed.natural_person', 'requests', '三、本年度办理结果 / (一) 予以公开', '自然人', 252, '252', 'number', NULL, NULL, 5, 2);
INSERT INTO public.cells VALUES (16, 1, 'requests.result.disclosed.commercial', 'requests', '三、本年度办理结果 / (一) 予以公开', '商业企业', 11, '11', 'number', NULL, NULL, 5, 3);
INSERT INTO public.cells VALUES (17, 1, 'requests.result.disclosed.research', 'requests', '三、本年度办理结果 / (一) 予以公开', '科研机构', 0, '0', 'zero', NULL, NULL, 5, 4);
INSERT INTO public.cells VALUES (18, 1, 'requests.result.disclosed.social_org', 'requests', '三、本年度办理结果 / (一) 予以公开', '社会公益组织', 0, '0', 'zero', NULL, NULL, 5, 5);
INSERT INTO public.cells VALUES (19, 1, 'requests.result.disclosed.legal_service', 'requests', '三、本年度办理结果 / (一) 予以公开', '法律服务机构', 1, '1', 'number', NULL, NULL, 5, 6);
INSERT INTO public.cells VALUES (20, 1, 'requests.result.disclosed.other_org', 'requests', '三、本年度办理结果 / (一) 予以公开', '其他', 0, '0', 'zero', NULL, NULL, 5, 7);
INSERT INTO public.cells VALUES (21, 1, 'requests.result.disclosed.total', 'requests', '三、本年度办理结果 / (一) 予以公开', '总计', 264, '264', 'number', NULL, NULL, 5, 8);
INSERT INTO public.cells VALUES (22, 1, 'requests.result.partial.natural_person', 'requests', '(二) 部分公开(区分处理的,只计这一情形,不计其他情形)', '自然人', 8, '8', 'number', NULL, NULL, 6, 2);
INSERT INTO public.cells VALUES (23, 1, 'requests.result.partial.commercial', 'requests', '(二) 部分公开(区分处理的,只计这一情形,不计其他情形)', '商业企业', 0, '0', 'zero', NULL, NULL, 6, 3);
INSERT INTO public.cells VALUES (24, 1, 'requests.result.partial.research', 'requests', '(二) 部分公开(区分处理的,只计这一情形,不计其他情形)', '科研机构', 0, '0', 'zero', NULL, NULL, 6, 4);
INSERT INTO public.cells VALUES (25, 1, 'requests.result.partial.social_org', 'requests', '(二) 部分公开(区分处理的,只计这一情形,不计其他情形)', '社会公益组织', 0, '0', 'zero', NULL, NULL, 6, 5);
INSERT INTO public.cells VALUES (26, 1, 'requests.result.partial.legal_service', 'requests', '(二) 部分公开(区分处理的,只计这一情形,不计其他情形)', '法律服务机构', 0, '0', 'zero', NULL, NULL, 6, 6);
INSERT INTO public.cells VALUES (27, 1, 'requests.result.partial.other_org', 'requests', '(二) 部分公开(区分处理的,只计这一情形,不计其他情形)', '其他', 0, '0', 'zero', NULL, NULL, 6, 7);
INSERT INTO public.cells VALUES (28, 1, 'requests.result.partial.total', 'requests', '(二) 部分公开(区分处理的,只计这一情形,不计其他情形)', '总计', 8, '8', 'number', NULL, NULL, 6, 8);
INSERT INTO public.cells VALUES (29, 1, 'requests.result.withheld.state_secret.natural_person', 'requests', '(三) 不予公开 / 1.属于国家秘密', '自然人', 0, '0', 'zero', NULL, NULL, 7, 3);
INSERT INTO public.cells VALUES (30, 1, 'requests.result.withheld.state_secret.commercial', 'requests', '(三) 不予公开 / 1.属于国家秘密', '商业企业', 0, '0', 'zero', NULL, NULL, 7, 4);
INSERT INTO public.cells VALUES (31, 1, 'requests.result.withheld.state_secret.research', 'requests', '(三) 不予公开 / 1.属于国家秘密', '科研机构', 0, '0', 'zero', NULL, NULL, 7, 5);
INSERT INTO public.cells VALUES (32, 1, 'requests.result.withheld.state_secret.social_org', 'requests', '(三) 不予公开 / 1.属于国家秘密', '社会公益组织', 0, '0', 'zero', NULL, NULL, 7, 6);
INSERT INTO public.cells VALUES (33, 1, 'requests.result.withheld.state_secret.legal_service', 'requests', '(三) 不予公开 / 1.属于国家秘密', '法律服务机构', 0, '0', 'zero', NULL, NULL, 7, 7);
INSERT INTO public.cells VALUES (34, 1, 'requests.result.withheld.state_secret.other_org', 'requests', '(三) 不予公开 / 1.属于国家秘密', '其他', 0, '0', 'zero', NULL, NULL, 7, 8);
INSERT INTO public.cells VALUES (35, 1, 'requests.result.withheld.state_secret.total', 'requests', '(三) 不予公开 / 1.属于国家秘密', '总计', 0, '0', 'zero', NULL, NULL, 7, 9);
INSERT INTO public.cells VALUES (36, 1, 'requests.result.withheld.law_forbidden.natural_person', 'requests', '2.其他法律行政法规禁止公开', '自然人', 0, '0', 'zero', NULL, NULL, 8, 3);
INSERT INTO public.cells VALUES (37, 1, 'requests.result.withheld.law_forbidden.commercial', 'requests', '2.其他法律行政法规禁止公开', '商业企业', 0, '0', 'zero', NULL, NULL, 8, 4);
INSERT INTO public.cells VALUES (38, 1, 'requests.result.withheld.law_forbidden.research', 'requests', '2.其他法律行政法规禁止公开', '科研机构', 0, '0', 'zero', NULL, NULL, 8, 5);
INSERT INTO public.cells VALUES (39, 1, 'requests.result.withheld.law_forbidden.social_org', 'requests', '2.其他法律行政法规禁止公开', '社会公益组织', 0, '0', 'zero', NULL, NULL, 8, 6);
INSERT INTO public.cells VALUES (40, 1, 'requests.result.withheld.law_forbidden.legal_service', 'requests', '2.其他法律行政法规禁止公开', '法律服务机构', 0, '0', 'zero', NULL, NULL, 8, 7);
INSERT INTO public.cells VALUES (41, 1, 'requests.result.withheld.law_forbidden.other_org', 'requests', '2.其他法律行政法规禁止公开', '其他', 0, '0', 'zero', NULL, NULL, 8, 8);
INSERT INTO public.cells VALUES (42, 1, 'requests.result.withheld.law_forbidden.total', 'requests', '2.其他法律行政法规禁止公开', '总计', 0, '0', 'zero', NULL, NULL, 8, 9);
INSERT INTO public.cells VALUES (43, 1, 'requests.result.withheld.three_safety.natural_person', 'requests', '3.危及“三安全一稳定”', '自然人', 0, '0', 'zero', NULL, NULL, 9, 3);
INSERT INTO public.cells VALUES (44, 1, 'requests.result.withheld.three_safety.commercial', 'requests', '3.危及“三安全一稳定”', '商业企业', 0, '0', 'zero', NULL, NULL, 9, 4);
INSERT INTO public.cells VALUES (45, 1, 'requests.result.withheld.three_safety.research', 'requests', '3.危及“三安全一稳定”', '科研机构', 0, '0', 'zero', NULL, NULL, 9, 5);
INSERT INTO public.cells VALUES (46, 1, 'requests.result.withheld.three_safety.social_org', 'requests', '3.危及“三安全一稳定”', '社会公益组织', 0, '0', 'zero', NULL, NULL, 9, 6);
INSERT INTO public.cells VALUES (47, 1, 'requests.result.withheld.three_safety.legal_service', 'requests', '3.危及“三安全一稳定”', '法律服务机构', 0, '0', 'zero', NULL, NULL, 9, 7);
INSERT INTO public.cells VALUES (48, 1, 'requests.result.withheld.three_safety.other_org', 'requests', '3.危及“三安全一稳定”', '其他', 0, '0', 'zero', NULL, NULL, 9, 8);
INSERT INTO public.cells VALUES (49, 1, 'requests.result.withheld.three_safety.total', 'requests', '3.危及“三安全一稳定”', '总计', 0, '0', 'zero', NULL, NULL, 9, 9);
INSERT INTO public.cells VALUES (50, 1, 'requests.result.withheld.third_party.natural_person', 'requests', '4.保护第三方合法权益', '自然人', 1, '1', 'number', NULL, NULL, 10, 3);
INSERT INTO public.cells VALUES (51, 1, 'requests.result.withheld.third_party.commercial', 'requests', '4.保护第三方合法权益', '商业企业', 0, '0', 'zero', NULL, NULL, 10, 4);
INSERT INTO public.cells VALUES (52, 1, 'requests.result.withheld.third_party.research', 'requests', '4.保护第三方合法权益', '科研机构', 0, '0', 'zero', NULL, NULL, 10, 5);
INSERT INTO public.cells VALUES (53, 1, 'requests.result.withheld.third_party.social_org', 'requests', '4.保护第三方合法权益', '社会公益组织', 0, '0', 'zero', NULL, NULL, 10, 6);
INSERT INTO public.cells VALUES (54, 1, 'requests.result.withheld.third_party.legal_service', 'requests', '4.保护第三方合法权益', '法律服务机构', 0, '0', 'zero', NULL, NULL, 10, 7);
INSERT INTO public.cells VALUES (55, 1, 'requests.result.withheld.third_party.other_org', 'requests', '4.保护第三方合法权益', '其他', 0, '0', 'zero', NULL, NULL, 10, 8);
INSERT INTO public.cells VALUES (56, 1, 'requests.result.withheld.third_party.total', 'requests', '4.保护第三方合法权益', '总计', 1, '1', 'number', NULL, NULL, 10, 9);
INSERT INTO public.cells VALUES (57, 1, 'requests.result.withheld.internal_affairs.natural_person', 'requests', '5.属于三类内部事务信息', '自然人', 1, '1', 'number', NULL, NULL, 11, 3);
INSERT INTO public.cells VALUES (58, 1, 'requests.result.withheld.internal_affairs.commercial', 'requests', '5.属于三类内部事务信息', '商业企业', 0, '0', 'zero', NULL, NULL, 11, 4);
INSERT INTO public.cells VALUES (59, 1, 'requests.result.withheld.internal_affairs.research', 'requests', '5.属于三类内部事务信息', '科研机构', 0, '0', 'zero', NULL, NULL, 11, 5);
INSERT INTO public.cells VALUES (60, 1, 'requests.result.withheld.internal_affairs.social_org', 'requests', '5.属于三类内部事务信息', '社会公益组织', 0, '0', 'zero', NULL, NULL, 11, 6);
INSERT INTO public.cells VALUES (61, 1, 'requests.result.withheld.internal_affairs.legal_service', 'requests', '5.属于三类内部事务信息', '法律服务机构', 0, '0', 'zero', NULL, NULL, 11, 7);
INSERT INTO public.cells VALUES (62, 1, 'requests.result.withheld.internal_affairs.other_org', 'requests', '5.属于三类内部事务信息', '其他', 0, '0', 'zero', NULL, NULL, 11, 8);
INSERT INTO public.cells VALUES (63, 1, 'requests.result.withheld.internal_affairs.total', 'requests', '5.属于三类内部事务信息', '总计', 1, '1', 'number', NULL, NULL, 11, 9);
INSERT INTO public.cells VALUES (64, 1, 'requests.result.withheld.process_info.natural_person', 'requests', '6.属于四类过程性信息', '自然人', 2, '2', 'number', NULL, NULL, 12, 3);
INSERT INTO public.cells VALUES (65, 1, 'requests.result.withheld.process_info.commercial', 'requests', '6.属于四类过程性信息', '商业企业', 1, '1', 'number', NULL, NULL, 12, 4);
INSERT INTO public.cells VALUES (66, 1, 'requests.result.withheld.process_info.research', 'requests', '6.属于四类过程性信息', '科研机构', 0, '0', 'zero', NULL, NULL, 12, 5);
INSERT INTO public.cells VALUES (67, 1, 'requests.result.withheld.process_info.social_org', 'requests', '6.属于四类过程性信息', '社会公益组织', 0, '0', 'zero', NULL, NULL, 12, 6);
INSERT INTO public.cells VALUES (68, 1, 'requests.result.withheld.process_info.legal_service', 'requests', '6.属于四类过程性信息', '法律服务机构', 0, '0', 'zero', NULL, NULL, 12, 7);
INSERT INTO public.cells VALUES (69, 1, 'requests.result.withheld.process_info.other_org', 'requests', '6.属于四类过程性信息', '其他', 0, '0', 'zero', NULL, NULL, 12, 8);
INSERT INTO public.cells VALUES (70, 1, 'requests.result.withheld.process_info.total', 'requests', '6.属于四类过程性信息', '总计', 3, '3', 'number', NULL, NULL, 12, 9);
INSERT INTO public.cells VALUES (71, 1, 'requests.result.withheld.enforcement_file.natural_person', 'requests', '7.属于行政执法案卷', '自然人', 0, '0', 'zero', NULL, NULL, 13, 3);
INSERT INTO public.cells VALUES (72, 1, 'requests.result.withheld.enforcement_file.commercial', 'requests', '7.属于行政执法案卷', '商业企业', 0, '0', 'zero', NULL, NULL, 13, 4);
INSERT INTO public.cells VALUES (73, 1, 'requests.result.withheld.enforcement_file.research', 'requests', '7.属于行政执法案卷', '科研机构', 0, '0', 'zero', NULL, NULL, 13, 5);
INSERT INTO public.cells VALUES (74, 1, 'requests.result.withheld.enforcement_file.social_org', 'requests', '7.属于行政执法案卷', '社会公益组织', 0, '0', 'zero', NULL, NULL, 13, 6);
INSERT INTO public.cells VALUES (75, 1, 'requests.result.withheld.enforcement_file.legal_service', 'requests', '7.属于行政执法案卷', '法律服务机构', 0, '0', 'zero', NULL, NULL, 13, 7);
INSERT INTO public.cells VALUES (76, 1, 'requests.result.withheld.enforcement_file.other_org', 'requests', '7.属于行政执法案卷', '其他', 0, '0', 'zero', NULL, NULL, 13, 8);
INSERT INTO public.cells VALUES (77, 1, 'requests.result.withheld.enforcement_file.total', 'requests', '7.属于行政执法案卷', '总计', 0, '0', 'zero', NULL, NULL, 13, 9);
INSERT INTO public.cells VALUES (78, 1, 'requests.result.withheld.admin_query.natural_person', 'requests', '8.属于行政查询事项', '自然人', 12, '12', 'number', NULL, NULL, 14, 3);
INSERT INTO public.cells VALUES (79, 1, 'requests.result.withheld.admin_query.commercial', 'requests', '8.属于行政查询事项', '商业企业', 0, '0', 'zero', NULL, NULL, 14, 4);
INSERT INTO public.cells VALUES (80, 1, 'requests.result.withheld.admin_query.research', 'requests', '8.属于行政查询事项', '科研机构', 0, '0', 'zero', NULL, NULL, 14, 5);
INSERT INTO public.cells VALUES (81, 1, 'requests.result.withheld.admin_query.social_org', 'requests', '8.属于行政查询事项', '社会公益组织', 0, '0', 'zero', NULL, NULL, 14, 6);
INSERT INTO public.cells VALUES (82, 1, 'requests.result.withheld.admin_query.legal_service', 'requests', '8.属于行政查询事项', '法律服务机构', 0, '0', 'zero', NULL, NULL, 14, 7);
INSERT INTO public.cells VALUES (83, 1, 'requests.result.withheld.admin_query.other_org', 'requests', '8.属于行政查询事项', '其他', 0, '0', 'zero', NULL, NULL, 14, 8);
INSERT INTO public.cells VALUES (84, 1, 'requests.result.withheld.admin_query.total', 'requests', '8.属于行政查询事项', '总计', 12, '12', 'number', NULL, NULL, 14, 9);
INSERT INTO public.cells VALUES (85, 1, 'requests.result.unable.not_held.natural_person', 'requests', '(四) 无法提供 / 1.本机关不掌握相关政府信息', '自然人', 260, '260', 'number', NULL, NULL, 15, 3);
INSERT INTO public.cells VALUES (86, 1, 'requests.result.unable.not_held.commercial', 'requests', '(四) 无法提供 / 1.本机关不掌握相关政府信息', '商业企业', 22, '22', 'number', NULL, NULL, 15, 4);
INSERT INTO public.cells VALUES (87, 1, 'requests.result.unable.not_held.research', 'requests', '(四) 无法提供 / 1.本机关不掌握相关政府信息', '科研机构', 1, '1', 'number', NULL, NULL, 15, 5);
INSERT INTO public.cells VALUES (88, 1, 'requests.result.unable.not_held.social_org', 'requests', '(四) 无法提供 / 1.本机关不掌握相关政府信息', '社会公益组织', 0, '0', 'zero', NULL, NULL, 15, 6);
INSERT INTO public.cells VALUES (89, 1, 'requests.result.unable.not_held.legal_service', 'requests', '(四) 无法提供 / 1.本机关不掌握相关政府信息', '法律服务机构', 1, '1', 'number', NULL, NULL, 15, 7);
INSERT INTO public.cells VALUES (90, 1, 'requests.result.unable.not_held.other_org', 'requests', '(四) 无法提供 / 1.本机关不掌握相关政府信息', '其他', 0, '0', 'zero', NULL, NULL, 15, 8);
INSERT INTO public.cells VALUES (91, 1, 'requests.result.unable.not_held.total', 'requests', '(四) 无法提供 / 1.本机关不掌握相关政府信息', '总计', 284, '284', 'number', NULL, NULL, 15, 9);
INSERT INTO public.cells VALUES (92, 1, 'requests.result.unable.need_creation.natural_person', 'requests', '2.没有现成信息需要另行制作', '自然人', 39, '39', 'number', NULL, NULL, 16, 3);
INSERT INTO public.cells VALUES (93, 1, 'requests.result.unable.need_creation.commercial', 'requests', '2.没有现成信息需要另行制作', '商业企业', 0, '0', 'zero', NULL, NULL, 16, 4);
INSERT INTO public.cells VALUES (94, 1, 'requests.result.unable.need_creation.research', 'requests', '2.没有现成信息需要另行制作', '科研机构', 0, '0', 'zero', NULL, NULL, 16, 5);
INSERT INTO public.cells VALUES (95, 1, 'requests.result.unable.need_creation.social_org', 'requests', '2.没有现成信息需要另行制作', '社会公益组织', 0, '0', 'zero', NULL, NULL, 16, 6);
INSERT INTO public.cells VALUES (96, 1, 'requests.result.unable.need_creation.legal_service', 'requests', '2.没有现成信息需要另行制作', '法律服务机构', 0, '0', 'zero', NULL, NULL, 16, 7);
INSERT INTO public.cells VALUES (97, 1, 'requests.result.unable.need_creation.other_org', 'requests', '2.没有现成信息需要另行制作', '其他', 1, '1', 'number', NULL, NULL, 16, 8);
INSERT INTO public.cells VALUES (98, 1, 'requests.result.unable.need_creation.total', 'requests', '2.没有现成信息需要另行制作', '总计', 40, '40', 'number', NULL, NULL, 16, 9);
INSERT INTO public.cells VALUES (99, 1, 'requests.result.unable.unclear.natural_person', 'requests', '3.补正后申请内容仍不明确', '自然人', 31, '31', 'number', NULL, NULL, 17, 3);
INSERT INTO public.cells VALUES (100, 1, 'requests.result.unable.unclear.commercial', 'requests', '3.补正后申请内容仍不明确', '商业企业', 1, '1', 'number', NULL, NULL, 17, 4);
INSERT INTO public.cells VALUES (101, 1, 'requests.result.unable.unclear.research', 'requests', '3.补正后申请内容仍不明确', '科研机构', 0, '0', 'zero', NULL, NULL, 17, 5);
INSERT INTO public.cells VALUES (102, 1, 'requests.result.unable.unclear.social_org', 'requests', '3.补正后申请内容仍不明确', '社会公益组织', 0, '0', 'zero', NULL, NULL, 17, 6);
INSERT INTO public.cells VALUES (103, 1, 'requests.result.unable.unclear.legal_service', 'requests', '3.补正后申请内容仍不明确', '法律服务机构', 0, '0', 'zero', NULL, NULL, 17, 7);
INSERT INTO public.cells VALUES (104, 1, 'requests.result.unable.unclear.other_org', 'requests', '3.补正后申请内容仍不明确', '其他', 0, '0', 'zero', NULL, NULL, 17, 8);
INSERT INTO public.cells VALUES (105, 1, 'requests.result.unable.unclear.total', 'requests', '3.补正后申请内容仍不明确', '总计', 32, '32', 'number', NULL, NULL, 17, 9);
INSERT INTO public.cells VALUES (106, 1, 'requests.result.not_processed.petition.natural_person', 'requests', '(五) 不予处理 / 1.信访举报投诉类申请', '自然人', 1, '1', 'number', NULL, NULL, 18, 3);
INSERT INTO public.cells VALUES (107, 1, 'requests.result.not_processed.petition.commercial', 'requests', '(五) 不予处理 / 1.信访举报投诉类申请', '商业企业', 0, '0', 'zero', NULL, NULL, 18, 4);
INSERT INTO public.cells VALUES (108, 1, 'requests.result.not_processed.petition.research', 'requests', '(五) 不予处理 / 1.信访举报投诉类申请', '科研机构', 0, '0', 'zero', NULL, NULL, 18, 5);
INSERT INTO public.cells VALUES (109, 1, 'requests.result.not_processed.petition.social_org', 'requests', '(五) 不予处理 / 1.信访举报投诉类申请', '社会公益组织', 0, '0', 'zero', NULL, NULL, 18, 6);
INSERT INTO public.cells VALUES (110, 1, 'requests.result.not_processed.petition.legal_service', 'requests', '(五) 不予处理 / 1.信访举报投诉类申请', '法律服务机构', 0, '0', 'zero', NULL, NULL, 18, 7);
INSERT INTO public.cells VALUES (111, 1, 'requests.result.not_processed.petition.other_org', 'requests', '(五) 不予处理 / 1.信访举报投诉类申请', '其他', 0, '0', 'zero', NULL, NULL, 18, 8);
INSERT INTO public.cells VALUES (112, 1, 'requests.result.not_processed.petition.total', 'requests', '(五) 不予处理 / 1.信访举报投诉类申请', '总计', 1, '1', 'number', NULL, NULL, 18, 9);
INSERT INTO public.cells VALUES (113, 1, 'requests.result.not_processed.duplicate.natural_person', 'requests', '2.重复申请', '自然人', 22, '22', 'number', NULL, NULL, 19, 3);
INSERT INTO public.cells VALUES (114, 1, 'requests.result.not_processed.duplicate.commercial', 'requests', '2.重复申请', '商业企业', 1, '1', 'number', NULL, NULL, 19, 4);
INSERT INTO public.cells VALUES (115, 1, 'requests.result.not_processed.duplicate.research', 'requests', '2.重复申请', '科研机构', 0, '0', 'zero', NULL, NULL, 19, 5);
INSERT INTO public.cells VALUES (116, 1, 'requests.result.not_processed.duplicate.social_org', 'requests', '2.重复申请', '社会公益组织', 0, '0', 'zero', NULL, NULL, 19, 6);
INSERT INTO public.cells VALUES (117, 1, 'requests.result.not_processed.duplicate.legal_service', 'requests', '2.重复申请', '法律服务机构', 0, '0', 'zero', NULL, NULL, 19, 7);
INSERT INTO public.cells VALUES (118, 1, 'requests.result.not_processed.duplicate.other_org', 'requests', '2.重复申请', '其他', 0, '0', 'zero', NULL, NULL, 19, 8);
INSERT INTO public.cells VALUES (119, 1, 'requests.result.not_processed.duplicate.total', 'requests', '2.重复申请', '总计', 23, '23', 'number', NULL, NULL, 19, 9);
INSERT INTO public.cells VALUES (120, 1, 'requests.result.not_processed.publication.natural_person', 'requests', '3.要求提供公开出版物', '自然人', 0, '0', 'zero', NULL, NULL, 20, 3);
INSERT INTO public.cells VALUES (121, 1, 'requests.result.not_processed.publication.commercial', 'requests', '3.要求提供公开出版物', '商业企业', 0, '0', 'zero', NULL, NULL, 20, 4);
INSERT INTO public.cells VALUES (122, 1, 'requests.result.not_processed.publication.research', 'requests', '3.要求提供公开出版物', '科研机构', 0, '0', 'zero', NULL, NULL, 20, 5);
INSERT INTO public.cells VALUES (123, 1, 'requests.result.not_processed.publication.social_org', 'requests', '3.要求提供公开出版物', '社会公益组织', 0, '0', 'zero', NULL, NULL, 20, 6);
INSERT INTO public.cells VALUES (124, 1, 'requests.result.not_processed.publication.legal_service', 'requests', '3.要求提供公开出版物', '法律服务机构', 0, '0', 'zero', NULL, NULL, 20, 7);
INSERT INTO public.cells VALUES (125, 1, 'requests.result.not_processed.publication.other_org', 'requests', '3.要求提供公开出版物', '其他', 0, '0', 'zero', NULL, NULL, 20, 8);
INSERT INTO public.cells VALUES (126, 1, 'requests.result.not_processed.publication.total', 'requests', '3.要求提供公开出版物', '总计', 0, '0', 'zero', NULL, NULL, 20, 9);
INSERT INTO public.cells VALUES (127, 1, 'requests.result.not_processed.mass_repeat.natural_person', 'requests', '4.无正当理由大量反复申请', '自然人', 0, '0', 'zero', NULL, NULL, 21, 2);
INSERT INTO public.cells VALUES (128, 1, 'requests.result.not_processed.mass_repeat.commercial', 'requests', '4.无正当理由大量反复申请', '商业企业', 0, '0', 'zero', NULL, NULL, 21, 3);
INSERT INTO public.cells VALUES (129, 1, 'requests.result.not_processed.mass_repeat.research', 'requests', '4.无正当理由大量反复申请', '科研机构', 0, '0', 'zero', NULL, NULL, 21, 4);
INSERT INTO public.cells VALUES (130, 1, 'requests.result.not_processed.mass_repeat.social_org', 'requests', '4.无正当理由大量反复申请', '社会公益组织', 0, '0', 'zero', NULL, NULL, 21, 5);
INSERT INTO public.cells VALUES (131, 1, 'requests.result.not_processed.mass_repeat.legal_service', 'requests', '4.无正当理由大量反复申请', '法律服务机构', 0, '0', 'zero', NULL, NULL, 21, 6);
INSERT INTO public.cells VALUES (132, 1, 'requests.result.not_processed.mass_repeat.other_org', 'requests', '4.无正当理由大量反复申请', '其他', 0, '0', 'zero', NULL, NULL, 21, 7);
INSERT INTO public.cells VALUES (133, 1, 'requests.result.not_processed.mass_repeat.total', 'requests', '4.无正当理由大量反复申请', '总计', 0, '0', 'zero', NULL, NULL, 21, 8);
INSERT INTO public.cells VALUES (134, 1, 'requests.result.not_processed.confirm.natural_person', 'requests', '5.要求行政机关确认或重新出具已获取信息', '自然人', 0, '0', 'zero', NULL, NULL, 22, 2);
INSERT INTO public.cells VALUES (135, 1, 'requests.result.not_processed.confirm.commercial', 'requests', '5.要求行政机关确认或重新出具已获取信息', '商业企业', 0, '0', 'zero', NULL, NULL, 22, 3);
INSERT INTO public.cells VALUES (136, 1, 'requests.result.not_processed.confirm.research', 'requests', '5.要求行政机关确认或重新出具已获取信息', '科研机构', 0, '0', 'zero', NULL, NULL, 22, 4);
INSERT INTO public.cells VALUES (137, 1, 'requests.result.not_processed.confirm.social_org', 'requests', '5.要求行政机关确认或重新出具已获取信息', '社会公益组织', 0, '0', 'zero', NULL, NULL, 22, 5);
INSERT INTO public.cells VALUES (138, 1, 'requests.result.not_processed.confirm.legal_service', 'requests', '5.要求行政机关确认或重新出具已获取信息', '法律服务机构', 0, '0', 'zero', NULL, NULL, 22, 6);
INSERT INTO public.cells VALUES (139, 1, 'requests.result.not_processed.confirm.other_org', 'requests', '5.要求行政机关确认或重新出具已获取信息', '其他', 0, '0', 'zero', NULL, NULL, 22, 7);
INSERT INTO public.cells VALUES (140, 1, 'requests.result.not_processed.confirm.total', 'requests', '5.要求行政机关确认或重新出具已获取信息', '总计', 0, '0', 'zero', NULL, NULL, 22, 8);
INSERT INTO public.cells VALUES (141, 1, 'requests.result.other.natural_person', 'requests', '(六) 其他处理', '自然人', 24, '24', 'number', NULL, NULL, 23, 1);
INSERT INTO public.cells VALUES (142, 1, 'requests.result.other.commercial', 'requests', '(六) 其他处理', '商业企业', 2, '2', 'number', NULL, NULL, 23, 2);
INSERT INTO public.cells VALUES (143, 1, 'requests.result.other.research', 'requests', '(六) 其他处理', '科研机构', 0, '0', 'zero', NULL, NULL, 23, 3);
INSERT INTO public.cells VALUES (144, 1, 'requests.result.other.social_org', 'requests', '(六) 其他处理', '社会公益组织', 0, '0', 'zero', NULL, NULL, 23, 4);
INSERT INTO public.cells VALUES (145, 1, 'requests.result.other.legal_service', 'requests', '(六) 其他处理', '法律服务机构', 0, '0', 'zero', NULL, NULL, 23, 5);
INSERT INTO public.cells VALUES (146, 1, 'requests.result.other.other_org', 'requests', '(六) 其他处理', '其他', 0, '0', 'zero', NULL, NULL, 23, 6);
INSERT INTO public.cells VALUES (147, 1, 'requests.result.other.total', 'requests', '(六) 其他处理', '总计', 26, '26', 'number', NULL, NULL, 23, 7);
INSERT INTO public.cells VALUES (148, 1, 'requests.result.total.natural_person', 'requests', '(七) 总计', '自然人', 653, '653', 'number', NULL, NULL, 24, 1);
INSERT INTO public.cells VALUES (149, 1, 'requests.result.total.commercial', 'requests', '(七) 总计', '商业企业', 38, '38', 'number', NULL, NULL, 24, 2);
INSERT INTO public.cells VALUES (150, 1, 'requests.result.total.research', 'requests', '(七) 总计', '科研机构', 1, '1', 'number', NULL, NULL, 24, 3);
INSERT INTO public.cells VALUES (151, 1, 'requests.result.total.social_org', 'requests', '(七) 总计', '社会公益组织', 0, '0', 'zero', NULL, NULL, 24, 4);
INSERT INTO public.cells VALUES (152, 1, 'requests.result.total.legal_service', 'requests', '(七) 总计', '法律服务机构', 2, '2', 'number', NULL, NULL, 24, 5);
INSERT INTO public.cells VALUES (153, 1, 'requests.result.total.other_org', 'requests', '(七) 总计', '其他', 1, '1', 'number', NULL, NULL, 24, 6);
INSERT INTO public.cells VALUES (154, 1, 'requests.result.total.total', 'requests', '(七) 总计', '总计', 695, '695', 'number', NULL, NULL, 24, 7);
INSERT INTO public.cells VALUES (155, 1, 'requests.carried_forward.natural_person', 'requests', '四、结转下年度继续办理', '自然人', 41, '41', 'number', NULL, NULL, 25, 1);
INSERT INTO public.cells VALUES (156, 1, 'requests.carried_forward.commercial', 'requests', '四、结转下年度继续办理', '商业企业', 0, '0', 'zero', NULL, NULL, 25, 2);
INSERT INTO public.cells VALUES (157, 1, 'requests.carried_forward.research', 'requests', '四、结转下年度继续办理', '科研机构', 0, '0', 'zero', NULL, NULL, 25, 3);
INSERT INTO public.cells VALUES (158, 1, 'requests.carried_forward.social_org', 'requests', '四、结转下年度继续办理', '社会公益组织', 0, '0', 'zero', NULL, NULL, 25, 4);
INSERT INTO public.cells VALUES (159, 1, 'requests.carried_forward.legal_service', 'requests', '四、结转下年度继续办理', '法律服务机构', 0, '0', 'zero', NULL, NULL, 25, 5);
INSERT INTO public.cells VALUES (160, 1, 'requests.carried_forward.other_org', 'requests', '四、结转下年度继续办理', '其他', 0, '0', 'zero', NULL, NULL, 25, 6);
INSERT INTO public.cells VALUES (161, 1, 'requests.carried_forward.total', 'requests', '四、结转下年度继续办理', '总计', 41, '41', 'number', NULL, NULL, 25, 7);
INSERT INTO public.cells VALUES (162, 1, 'appeals.review.upheld', 'appeals', '行政复议', '行政复议/结果维持', 21, '21', 'number', NULL, NULL, 3, 0);
INSERT INTO public.cells VALUES (163, 1, 'appeals.review.corrected', 'appeals', '行政复议', '行政复议/结果纠正', 0, '0', 'zero', NULL, NULL, 3, 1);
INSERT INTO public.cells VALUES (164, 1, 'appeals.review.other', 'appeals', '行政复议', '行政复议/其他结果', 0, '0', 'zero', NULL, NULL, 3, 2);
INSERT INTO public.cells VALUES (165, 1, 'appeals.review.pending', 'appeals', '行政复议', '行政复议/尚未审结', 4, '4', 'number', NULL, NULL, 3, 3);
INSERT INTO public.cells VALUES (166, 1, 'appeals.review.total', 'appeals', '行政复议', '行政复议/总计', 25, '25', 'number', NULL, NULL, 3, 4);
INSERT INTO public.cells VALUES (167, 1, 'appeals.litigation_direct.upheld', 'appeals', '未经复议直接起诉', '未经复议直接起诉/结果维持', 18, '18', 'number', NULL, NULL, 3, 5);
INSERT INTO public.cells VALUES (168, 1, 'appeals.litigation_direct.corrected', 'appeals', '未经复议直接起诉', '未经复议直接起诉/结果纠正', 0, '0', 'zero', NULL, NULL, 3, 6);
INSERT INTO public.cells VALUES (169, 1, 'appeals.litigation_direct.other', 'appeals', '未经复议直接起诉', '未经复议直接起诉/其他结果', 2, '2', 'number', NULL, NULL, 3, 7);
INSERT INTO public.cells VALUES (170, 1, 'appeals.litigation_direct.pending', 'appeals', '未经复议直接起诉', '未经复议直接起诉/尚未审结', 0, '0', 'zero', NULL, NULL, 3, 8);
INSERT INTO public.cells VALUES (171, 1, 'appeals.litigation_direct.total', 'appeals', '未经复议直接起诉', '未经复议直接起诉/总计', 20, '20', 'number', NULL, NULL, 3, 9);
INSERT INTO public.cells VALUES (172, 1, 'appeals.litigation_after_review.upheld', 'appeals', '复议后起诉', '复议后起诉/结果维持', 8, '8', 'number', NULL, NULL, 3, 10);
INSERT INTO public.cells VALUES (173, 1, 'appeals.litigation_after_review.corrected', 'appeals', '复议后起诉', '复议后起诉/结果纠正', 0, '0', 'zero', NULL, NULL, 3, 11);
INSERT INTO public.cells VALUES (174, 1, 'appeals.litigation_after_review.other', 'appeals', '复议后起诉', '复议后起诉/其他结果', 2, '2', 'number', NULL, NULL, 3, 12);
INSERT INTO public.cells VALUES (175, 1, 'appeals.litigation_after_review.pending', 'appeals', '复议后起诉', '复议后起诉/尚未审结', 0, '0', 'zero', NULL, NULL, 3, 13);
INSERT INTO public.cells VALUES (176, 1, 'appeals.litigation_after_review.total', 'appeals', '复议后起诉', '复议后起诉/总计', 10, '10', 'number', NULL, NULL, 3, 14);
INSERT INTO public.cells VALUES (177, 1, 'proactive.art20_1.regulations.made', 'proactive', '规章', '本年新制作数量', 0, '0', 'zero', NULL, NULL, 2, 1);
INSERT INTO public.cells VALUES (178, 1, 'proactive.art20_1.regulations.published', 'proactive', '规章', '本年新公开数量', 0, '0', 'zero', NULL, NULL, 2, 2);
INSERT INTO public.cells VALUES (179, 1, 'proactive.art20_1.regulations.total_published', 'proactive', '规章', '对外公开总数量', 0, '0', 'zero', NULL, NULL, 2, 3);
INSERT INTO public.cells VALUES (180, 1, 'proactive.art20_1.normative_docs.made', 'proactive', '规范性文件', '本年新制作数量', 15, '15', 'number', NULL, NULL, 3, 1);
INSERT INTO public.cells VALUES (181, 1, 'proactive.art20_1.normative_docs.published', 'proactive', '规范性文件', '本年新公开数量', 15, '15', 'number', NULL, NULL, 3, 2);
INSERT INTO public.cells VALUES (182, 1, 'proactive.art20_1.normative_docs.total_published', 'proactive', '规范性文件', '对外公开总数量', 72, '72', 'number', NULL, NULL, 3, 3);
INSERT INTO public.cells VALUES (183, 1, 'proactive.art20_5.licensing.prev_items', 'proactive', '行政许可', '上一年项目数量', 368, '368', 'number', NULL, NULL, 6, 1);
INSERT INTO public.cells VALUES (184, 1, 'proactive.art20_5.licensing.change', 'proactive', '行政许可', '本年增/减', 48, '48', 'number', NULL, NULL, 6, 2);
INSERT INTO public.cells VALUES (185, 1, 'proactive.art20_5.licensing.decisions', 'proactive', '行政许可', '处理决定数量', 342359, '342359', 'number', NULL, NULL, 6, 3);
INSERT INTO public.cells VALUES (186, 1, 'proactive.art20_5.other_services.prev_items', 'proactive', '其他对外管理服务事项', '上一年项目数量', 620, '620', 'number', NULL, NULL, 7, 1);
INSERT INTO public.cells VALUES (187, 1, 'proactive.art20_5.other_services.change', 'proactive', '其他对外管理服务事项', '本年增/减', -3, '-3', 'number', NULL, NULL, 7, 2);
INSERT INTO public.cells VALUES (188, 1, 'proactive.art20_5.other_services.decisions', 'proactive', '其他对外管理服务事项', '处理决定数量', 289511, '289511', 'number', NULL, NULL, 7, 3);
INSERT INTO public.cells VALUES (189, 1, 'proactive.art20_6.penalty.prev_items', 'proactive', '行政处罚', '上一年项目数量', 2350, '2350', 'number', NULL, NULL, 10, 1);
INSERT INTO public.cells VALUES (190, 1, 'proactive.art20_6.penalty.change', 'proactive', '行政处罚', '本年增/减', 204, '204', 'number', NULL, NULL, 10, 2);
INSERT INTO public.cells VALUES (191, 1, 'proactive.art20_6.penalty.decisions', 'proactive', '行政处罚', '处理决定数量', 17977, '17977', 'number', NULL, NULL, 10, 3);
INSERT INTO public.cells VALUES (192, 1, 'proactive.art20_6.coercion.prev_items', 'proactive', '行政强制', '上一年项目数量', 132, '132', 'number', NULL, NULL, 11, 1);
INSERT INTO public.cells VALUES (193, 1, 'proactive.art20_6.coercion.change', 'proactive', '行政强制', '本年增/减', 0, '0', 'zero', NULL, NULL, 11, 2);
INSERT INTO public.cells VALUES (194, 1, 'proactive.art20_6.coercion.decisions', 'proactive', '行政强制', '处理决定数量', 1460, '1460', 'number', NULL, NULL, 11, 3);
INSERT INTO public.cells VALUES (195, 1, 'proactive.art20_8.fees.prev_items', 'proactive', '行政事业性收费', '上一年项目数量', 49, '49', 'number', NULL, NULL, 14, 1);
INSERT INTO public.cells VALUES (196, 1, 'proactive.art20_8.fees.change', 'proactive', '行政事业性收费', '本年增/减', -1, '-1', 'number', NULL, NULL, 14, 2);
INSERT INTO public.cells VALUES (197, 1, 'proactive.art20_9.procurement.items', 'proactive', '政府集中采购', '采购项目数量', 438, '438', 'number', NULL, NULL, 17, 1);
INSERT INTO public.cells VALUES (198, 1, 'proactive.art20_9.procurement.amount_yuan', 'proactive', '政府集中采购', '采购总金额', 1134000000, '113400 万元', 'number', '元', NULL, 17, 2);
INSERT INTO public.cells VALUES (199, 2, 'requests.received.natural_person', 'requests', '一、本年新收政府信息公开申请数量', '自然人', 655, '655', 'number', NULL, NULL, 3, 3);
INSERT INTO public.cells VALUES (200, 2, 'requests.received.commercial', 'requests', '一、本年新收政府信息公开申请数量', '商业企业', 35, '35', 'number', NULL, NULL, 3, 4);
INSERT INTO public.cells VALUES (201, 2, 'requests.received.research', 'requests', '一、本年新收政府信息公开申请数量', '科研机构', 1, '1', 'number', NULL, NULL, 3, 5);
INSERT INTO public.cells VALUES (202, 2, 'requests.received.social_org', 'requests', '一、本年新收政府信息公开申请数量', '社会公益组织', 3, '3', 'number', NULL, NULL, 3, 6);
INSERT INTO public.cells VALUES (203, 2, 'requests.received.legal_service', 'requests', '一、本年新收政府信息公开申请数量', '法律服务机构', 6, '6', 'number', NULL, NULL, 3, 7);
INSERT INTO public.cells VALUES (204, 2, 'requests.received.other_org', 'requests', '一、本年新收政府信息公开申请数量', '其他', 2, '2', 'number', NULL, NULL, 3, 8);
INSERT INTO public.cells VALUES (205, 2, 'requests.received.total', 'requests', '一、本年新收政府信息公开申请数量', '总计', 703, '703', 'number', NULL, NULL, 3, 9);
INSERT INTO public.cells VALUES (206, 2, 'requests.carried_over.natural_person', 'requests', '二、上年结转政府信息公开申请数量', '自然人', 48, '48', 'number', NULL, NULL, 4, 3);
INSERT INTO public.cells VALUES (207, 2, 'requests.carried_over.commercial', 'requests', '二、上年结转政府信息公开申请数量', '商业企业', 3, '3', 'number', NULL, NULL, 4, 4);
INSERT INTO public.cells VALUES (208, 2, 'requests.carried_over.research', 'requests', '二、上年结转政府信息公开申请数量', '科研机构', 0, '0', 'zero', NULL, NULL, 4, 5);
INSERT INTO public.cells VALUES (209, 2, 'requests.carried_over.social_org', 'requests', '二、上年结转政府信息公开申请数量', '社会公益组织', 0, '0', 'zero', NULL, NULL, 4, 6);
INSERT INTO public.cells VALUES (210, 2, 'requests.carried_over.legal_service', 'requests', '二、上年结转政府信息公开申请数量', '法律服务机构', 1, '1', 'number', NULL, NULL, 4, 7);
INSERT INTO public.cells VALUES (211, 2, 'requests.carried_over.other_org', 'requests', '二、上年结转政府信息公开申请数量', '其他', 0, '0', 'zero', NULL, NULL, 4, 8);
INSERT INTO public.cells VALUES (212, 2, 'requests.carried_over.total', 'requests', '二、上年结转政府信息公开申请数量', '总计', 52, '52', 'number', NULL, NULL, 4, 9);
INSERT INTO public.cells VALUES (213, 2, 'requests.result.disclosed.natural_person', 'requests', '三、本年度办理结果 / （一）予以公开', '自然人', 312, '312', 'number', NULL, NULL, 5, 3);
INSERT INTO public.cells VALUES (214, 2, 'requests.result.disclosed.commercial', 'requests', '三、本年度办理结果 / （一）予以公开', '商业企业', 18, '18', 'number', NULL, NULL, 5, 4);
INSERT INTO public.cells VALUES (215, 2, 'requests.result.disclosed.research', 'requests', '三、本年度办理结果 / （一）予以公开', '科研机构', 1, '1', 'number', NULL, NULL, 5, 5);
INSERT INTO public.cells VALUES (216, 2, 'requests.result.disclosed.social_org', 'requests', '三、本年度办理结果 / （一）予以公开', '社会公益组织', 2, '2', 'number', NULL, NULL, 5, 6);
INSERT INTO public.cells VALUES (217, 2, 'requests.result.disclosed.legal_service', 'requests', '三、本年度办理结果 / （一）予以公开', '法律服务机构', 3, '3', 'number', NULL, NULL, 5, 7);
INSERT INTO public.cells VALUES (218, 2, 'requests.result.disclosed.other_org', 'requests', '三、本年度办理结果 / （一）予以公开', '其他', 1, '1', 'number', NULL, NULL, 5, 8);
INSERT INTO public.cells VALUES (219, 2, 'requests.result.disclosed.total', 'requests', '三、本年度办理结果 / （一）予以公开', '总计', 337, '337', 'number', NULL, NULL, 5, 9);
INSERT INTO public.cells VALUES (220, 2, 'requests.result.partial.natural_person', 'requests', '三、本年度办理结果 / （二）部分公开（区分处理的，只计这一情形，不计其他情形）', '自然人', 27, '27', 'number', NULL, NULL, 6, 3);
INSERT INTO public.cells VALUES (221, 2, 'requests.result.partial.commercial', 'requests', '三、本年度办理结果 / （二）部分公开（区分处理的，只计这一情形，不计其他情形）', '商业企业', 2, '2', 'number', NULL, NULL, 6, 4);
INSERT INTO public.cells VALUES (222, 2, 'requests.result.partial.research', 'requests', '三、本年度办理结果 / （二）部分公开（区分处理的，只计这一情形，不计其他情形）', '科研机构', 0, '0', 'zero', NULL, NULL, 6, 5);
INSERT INTO public.cells VALUES (223, 2, 'requests.result.partial.social_org', 'requests', '三、本年度办理结果 / （二）部分公开（区分处理的，只计这一情形，不计其他情形）', '社会公益组织', 0, '0', 'zero', NULL, NULL, 6, 6);
INSERT INTO public.cells VALUES (224, 2, 'requests.result.partial.legal_service', 'requests', '三、本年度办理结果 / （二）部分公开（区分处理的，只计这一情形，不计其他情形）', '法律服务机构', 1, '1', 'number', NULL, NULL, 6, 7);
INSERT INTO public.cells VALUES (225, 2, 'requests.result.partial.other_org', 'requests', '三、本年度办理结果 / （二）部分公开（区分处理的，只计这一情形，不计其他情形）', '其他', 0, '0', 'zero', NULL, NULL, 6, 8);
INSERT INTO public.cells VALUES (226, 2, 'requests.result.partial.total', 'requests', '三、本年度办理结果 / （二）部分公开（区分处理的，只计这一情形，不计其他情形）', '总计', 30, '30', 'number', NULL, NULL, 6, 9);
INSERT INTO public.cells VALUES (227, 2, 'requests.result.withheld.state_secret.natural_person', 'requests', '三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密', '自然人', 1, '1', 'number', NULL, NULL, 7, 3);
INSERT INTO public.cells VALUES (228, 2, 'requests.result.withheld.state_secret.commercial', 'requests', '三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密', '商业企业', 0, '0', 'zero', NULL, NULL, 7, 4);
INSERT INTO public.cells VALUES (229, 2, 'requests.result.withheld.state_secret.research', 'requests', '三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密', '科研机构', 0, '0', 'zero', NULL, NULL, 7, 5);
INSERT INTO public.cells VALUES (230, 2, 'requests.result.withheld.state_secret.social_org', 'requests', '三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密', '社会公益组织', 0, '0', 'zero', NULL, NULL, 7, 6);
INSERT INTO public.cells VALUES (231, 2, 'requests.result.withheld.state_secret.legal_service', 'requests', '三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密', '法律服务机构', 0, '0', 'zero', NULL, NULL, 7, 7);
INSERT INTO public.cells VALUES (232, 2, 'requests.result.withheld.state_secret.other_org', 'requests', '三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密', '其他', 0, '0', 'zero', NULL, NULL, 7, 8);
INSERT INTO public.cells VALUES (233, 2, 'requests.result.withheld.state_secret.total', 'requests', '三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密', '总计', 1, '1', 'number', NULL, NULL, 7, 9);
INSERT INTO public.cells VALUES (234, 2, 'requests.result.withheld.law_forbidden.natural_person', 'requests', '三、本年度办理结果 / （三）不予公开 / 2.其他法律行政法规禁止公开', '自然人', 2, '2', 'number', NULL, NULL, 8, 3);
INSERT INTO public.cells VALUES (235, 2, 'requests.result.withheld.law_forbidden.commercial', 'requests', '三、本年度办理结果 / （三）不予公开 / 2.其他法律行政法规禁止公开', '商业企业', 0, '0', 'zero', NULL, NULL, 8, 4);
INSERT INTO public.cells VALUES (236, 2, 'requests.result.withheld.law_forbidden.research', 'requests', '三、本年度办理结果 / （三）不予公开 / 2.其他法律行政法规禁止公开', '科研机构', 0, '0', 'zero', NULL, NULL, 8, 5);
INSERT INTO public.cells VALUES (237, 2, 'requests.result.withheld.law_forbidden.social_org', 'requests', '三、本年度办理结果 / （三）不予公开 / 2.其他法律行政法规禁止公开', '社会公益组织', 0, '0', 'zero', NULL, NULL, 8, 6);
INSERT INTO public.cells VALUES (238, 2, 'requests.result.withheld.law_forbidden.legal_service', 'requests', '三、本年度办理结果 / （三）不予公开 / 2.其他法律行政法规禁止公开', '法律服务机构', 0, '0', 'zero', NULL, NULL, 8, 7);
INSERT INTO public.cells VALUES (239, 2, 'requests.result.withheld.law_forbidden.other_org', 'requests', '三、本年度办理结果 / （三）不予公开 / 2.其他法律行政法规禁止公开', '其他', 0, '0', 'zero', NULL, NULL, 8, 8);
INSERT INTO public.cells VALUES (240, 2, 'requests.result.withheld.law_forbidden.total', 'requests', '三、本年度办理结果 / （三）不予公开 / 2.其他法律行政法规禁止公开', '总计', 2, '2', 'number', NULL, NULL, 8, 9);
INSERT INTO public.cells VALUES (241, 2, 'requests.result.withheld.three_safety.natural_person', 'requests', '三、本年度办理结果 / （三）不予公开 / 3.危及“三安全一稳定”', '自然人', 0, '0', 'zero', NULL, NULL, 9, 3);
INSERT INTO public.cells VALUES (242, 2, 'requests.result.withheld.three_safety.commercial', 'requests', '三、本年度办理结果 / （三）不予公开 / 3.危及“三安全一稳定”', '商业企业', 0, '0', 'zero', NULL, NULL, 9, 4);
INSERT INTO public.cells VALUES (243, 2, 'requests.result.withheld.three_safety.research', 'requests', '三、本年度办理结果 / （三）不予公开 / 3.危及“三安全一稳定”', '科研机构', 0, '0', 'zero', NULL, NULL, 9, 5);
INSERT INTO public.cells VALUES (244, 2, 'requests.result.withheld.three_safety.social_org', 'requests', '三、本年度办理结果 / （三）不予公开 / 3.危及“三安全一稳定”', '社会公益组织', 0, '0', 'zero', NULL, NULL, 9, 6);
INSERT INTO public.cells VALUES (245, 2, 'requests.result.withheld.three_safety.legal_service', 'requests', '三、本年度办理结果 / （三）不予公开 / 3.危及“三安全一稳定”', '法律服务机构', 0, '0', 'zero', NULL, NULL, 9, 7);
INSERT INTO public.cells VALUES (246, 2, 'requests.result.withheld.three_safety.other_org', 'requests', '三、本年度办理结果 / （三）不予公开 / 3.危及“三安全一稳定”', '其他', 0, '0', 'zero', NULL, NULL, 9, 8);
INSERT INTO public.cells VALUES (247, 2, 'requests.result.withheld.three_safety.total', 'requests', '三、本年度办理结果 / （三）不予公开 / 3.危及“三安全一稳定”', '总计', 0, '0', 'zero', NULL, NULL, 9, 9);
INSERT INTO public.cells VALUES (248, 2, 'requests.result.withheld.third_party.natural_person', 'requests', '三、本年度办理结果 / （三）不予公开 / 4.保护第三方合法权益', '自然人', 6, '6', 'number', NULL, NULL, 10, 3);
INSERT INTO public.cells VALUES (249, 2, 'requests.result.withheld.third_party.commercial', 'requests', '三、本年度办理结果 / （三）不予公开 / 4.保护第三方合法权益', '商业企业', 1, '1', 'number', NULL, NULL, 10, 4);
INSERT INTO public.cells VALUES (250, 2, 'requests.result.withheld.third_party.research', 'requests', '三、本年度办理结果 / （三）不予公开 / 4.保护第三方合法权益', '科研机构', 0, '0', 'zero', NULL, NULL, 10, 5);
INSERT INTO public.cells VALUES (251, 2, 'requests.result.withheld.third_party.social_org', 'requests', '三、本年度办理结果 / （三）不予公开 / 4.保护第三方合法权益', '社会公益组织', 0, '0', 'zero', NULL, NULL, 10, 6);
INSERT INTO public.cells VALUES (252, 2, 'requests.result.withheld.third_party.legal_service', 'requests', '三、本年度办理结果 / （三）不予公开 / 4.保护第三方合法权益', '法律服务机构', 0, '0', 'zero', NULL, NULL, 10, 7);
INSERT INTO public.cells VALUES (253, 2, 'requests.result.withheld.third_party.other_org', 'requests', '三、本年度办理结果 / （三）不予公开 / 4.保护第三方合法权益', '其他', 0, '0', 'zero', NULL, NULL, 10, 8);
INSERT INTO public.cells VALUES (254, 2, 'requests.result.withheld.third_party.total', 'requests', '三、本年度办理结果 / （三）不予公开 / 4.保护第三方合法权益', '总计', 7, '7', 'number', NULL, NULL, 10, 9);
INSERT INTO public.cells VALUES (255, 2, 'requests.result.withheld.internal_affairs.natural_person', 'requests', '三、本年度办理结果 / （三）不予公开 / 5.属于三类内部事务信息', '自然人', 4, '4', 'number', NULL, NULL, 11, 3);
INSERT INTO public.cells VALUES (256, 2, 'requests.result.withheld.internal_affairs.commercial', 'requests', '三、本年度办理结果 / （三）不予公开 / 5.属于三类内部事务信息', '商业企业', 0, '0', 'zero', NULL, NULL, 11, 4);
INSERT INTO public.cells VALUES (257, 2, 'requests.result.withheld.internal_affairs.research', 'requests', '三、本年度办理结果 / （三）不予公开 / 5.属于三类内部事务信息', '科研机构', 0, '0', 'zero', NULL, NULL, 11, 5);
INSERT INTO public.cells VALUES (258, 2, 'requests.result.withheld.internal_affairs.social_org', 'requests', '三、本年度办理结果 / （三）不予公开 / 5.属于三类内部事务信息', '社会公益组织', 0, '0', 'zero', NULL, NULL, 11, 6);
INSERT INTO public.cells VALUES (259, 2, 'requests.result.withheld.internal_affairs.legal_service', 'requests', '三、本年度办理结果 / （三）不予公开 / 5.属于三类内部事务信息', '法律服务机构', 0, '0', 'zero', NULL, NULL, 11, 7);
INSERT INTO public.cells VALUES (260, 2, 'requests.result.withheld.internal_affairs.other_org', 'requests', '三、本年度办理结果 / （三）不予公开 / 5.属于三类内部事务信息', '其他', 0, '0', 'zero', NULL, NULL, 11, 8);
INSERT INTO public.cells VALUES (261, 2, 'requests.result.withheld.internal_affairs.total', 'requests', '三、本年度办理结果 / （三）不予公开 / 5.属于三类内部事务信息', '总计', 4, '4', 'number', NULL, NULL, 11, 9);
INSERT INTO public.cells VALUES (262, 2, 'requests.result.withheld.process_info.natural_person', 'requests', '三、本年度办理结果 / （三）不予公开 / 6.属于四类过程性信息', '自然人', 9, '9', 'number', NULL, NULL, 12, 3);
INSERT INTO public.cells VALUES (263, 2, 'requests.result.withheld.process_info.commercial', 'requests', '三、本年度办理结果 / （三）不予公开 / 6.属于四类过程性信息', '商业企业', 1, '1', 'number', NULL, NULL, 12, 4);
INSERT INTO public.cells VALUES (264, 2, 'requests.result.withheld.process_info.research', 'requests', '三、本年度办理结果 / （三）不予公开 / 6.属于四类过程性信息', '科研机构', 0, '0', 'zero', NULL, NULL, 12, 5);
INSERT INTO public.cells VALUES (265, 2, 'requests.result.withheld.process_info.social_org', 'requests', '三、本年度办理结果 / （三）不予公开 / 6.属于四类过程性信息', '社会公益组织', 0, '0', 'zero', NULL, NULL, 12, 6);
INSERT INTO public.cells VALUES (266, 2, 'requests.result.withheld.process_info.legal_service', 'requests', '三、本年度办理结果 / （三）不予公开 / 6.属于四类过程性信息', '法律服务机构', 1, '1', 'number', NULL, NULL, 12, 7);
INSERT INTO public.cells VALUES (267, 2, 'requests.result.withheld.process_info.other_org', 'requests', '三、本年度办理结果 / （三）不予公开 / 6.属于四类过程性信息', '其他', 0, '0', 'zero', NULL, NULL, 12, 8);
INSERT INTO public.cells VALUES (268, 2, 'requests.result.withheld.process_info.total', 'requests', '三、本年度办理结果 / （三）不予公开 / 6.属于四类过程性信息', '总计', 11, '11', 'number', NULL, NULL, 12, 9);
INSERT INTO public.cells VALUES (269, 2, 'requests.result.withheld.enforcement_file.natural_person', 'requests', '三、本年度办理结果 / （三）不予公开 / 7.属于行政执法案卷', '自然人', 3, '3', 'number', NULL, NULL, 13, 3);
INSERT INTO public.cells VALUES (270, 2, 'requests.result.withheld.enforcement_file.commercial', 'requests', '三、本年度办理结果 / （三）不予公开 / 7.属于行政执法案卷', '商业企业', 0, '0', 'zero', NULL, NULL, 13, 4);
INSERT INTO public.cells VALUES (271, 2, 'requests.result.withheld.enforcement_file.research', 'requests', '三、本年度办理结果 / （三）不予公开 / 7.属于行政执法案卷', '科研机构', 0, '0', 'zero', NULL, NULL, 13, 5);
INSERT INTO public.cells VALUES (272, 2, 'requests.result.withheld.enforcement_file.social_org', 'requests', '三、本年度办理结果 / （三）不予公开 / 7.属于行政执法案卷', '社会公益组织', 0, '0', 'zero', NULL, NULL, 13, 6);
INSERT INTO public.cells VALUES (273, 2, 'requests.result.withheld.enforcement_file.legal_service', 'requests', '三、本年度办理结果 / （三）不予公开 / 7.属于行政执法案卷', '法律服务机构', 0, '0', 'zero', NULL, NULL, 13, 7);
INSERT INTO public.cells VALUES (274, 2, 'requests.result.withheld.enforcement_file.other_org', 'requests', '三、本年度办理结果 / （三）不予公开 / 7.属于行政执法案卷', '其他', 0, '0', 'zero', NULL, NULL, 13, 8);
INSERT INTO public.cells VALUES (275, 2, 'requests.result.withheld.enforcement_file.total', 'requests', '三、本年度办理结果 / （三）不予公开 / 7.属于行政执法案卷', '总计', 3, '3', 'number', NULL, NULL, 13, 9);
INSERT INTO public.cells VALUES (276, 2, 'requests.result.withheld.admin_query.natural_person', 'requests', '三、本年度办理结果 / （三）不予公开 / 8.属于行政查询事项', '自然人', 15, '15', 'number', NULL, NULL, 14, 3);
INSERT INTO public.cells VALUES (277, 2, 'requests.result.withheld.admin_query.commercial', 'requests', '三、本年度办理结果 / （三）不予公开 / 8.属于行政查询事项', '商业企业', 1, '1', 'number', NULL, NULL, 14, 4);
INSERT INTO public.cells VALUES (278, 2, 'requests.result.withheld.admin_query.research', 'requests', '三、本年度办理结果 / （三）不予公开 / 8.属于行政查询事项', '科研机构', 0, '0', 'zero', NULL, NULL, 14, 5);
INSERT INTO public.cells VALUES (279, 2, 'requests.result.withheld.admin_query.social_org', 'requests', '三、本年度办理结果 / （三）不予公开 / 8.属于行政查询事项', '社会公益组织', 0, '0', 'zero', NULL, NULL, 14, 6);
INSERT INTO public.cells VALUES (280, 2, 'requests.result.withheld.admin_query.legal_service', 'requests', '三、本年度办理结果 / （三）不予公开 / 8.属于行政查询事项', '法律服务机构', 0, '0', 'zero', NULL, NULL, 14, 7);
INSERT INTO public.cells VALUES (281, 2, 'requests.result.withheld.admin_query.other_org', 'requests', '三、本年度办理结果 / （三）不予公开 / 8.属于行政查询事项', '其他', 0, '0', 'zero', NULL, NULL, 14, 8);
INSERT INTO public.cells VALUES (282, 2, 'requests.result.withheld.admin_query.total', 'requests', '三、本年度办理结果 / （三）不予公开 / 8.属于行政查询事项', '总计', 16, '16', 'number', NULL, NULL, 14, 9);
INSERT INTO public.cells VALUES (283, 2, 'requests.result.unable.not_held.natural_person', 'requests', '三、本年度办理结果 / （四）无法提供 / 1.本机关不掌握相关政府信息', '自然人', 188, '188', 'number', NULL, NULL, 15, 3);
INSERT INTO public.cells VALUES (284, 2, 'requests.result.unable.not_held.commercial', 'requests', '三、本年度办理结果 / （四）无法提供 / 1.本机关不掌握相关政府信息', '商业企业', 9, '9', 'number', NULL, NULL, 15, 4);
INSERT INTO public.cells VALUES (285, 2, 'requests.result.unable.not_held.research', 'requests', '三、本年度办理结果 / （四）无法提供 / 1.本机关不掌握相关政府信息', '科研机构', 0, '0', 'zero', NULL, NULL, 15, 5);
INSERT INTO public.cells VALUES (286, 2, 'requests.result.unable.not_held.social_org', 'requests', '三、本年度办理结果 / （四）无法提供 / 1.本机关不掌握相关政府信息', '社会公益组织', 1, '1', 'number', NULL, NULL, 15, 6);
INSERT INTO public.cells VALUES (287, 2, 'requests.result.unable.not_held.legal_service', 'requests', '三、本年度办理结果 / （四）无法提供 / 1.本机关不掌握相关政府信息', '法律服务机构', 2, '2', 'number', NULL, NULL, 15, 7);
INSERT INTO public.cells VALUES (288, 2, 'requests.result.unable.not_held.other_org', 'requests', '三、本年度办理结果 / （四）无法提供 / 1.本机关不掌握相关政府信息', '其他', 0, '0', 'zero', NULL, NULL, 15, 8);
INSERT INTO public.cells VALUES (289, 2, 'requests.result.unable.not_held.total', 'requests', '三、本年度办理结果 / （四）无法提供 / 1.本机关不掌握相关政府信息', '总计', 200, '200', 'number', NULL, NULL, 15, 9);
INSERT INTO public.cells VALUES (290, 2, 'requests.result.unable.need_creation.natural_person', 'requests', '三、本年度办理结果 / （四）无法提供 / 2.没有现成信息需要另行制作', '自然人', 24, '24', 'number', NULL, NULL, 16, 3);
INSERT INTO public.cells VALUES (291, 2, 'requests.result.unable.need_creation.commercial', 'requests', '三、本年度办理结果 / （四）无法提供 / 2.没有现成信息需要另行制作', '商业企业', 2, '2', 'number', NULL, NULL, 16, 4);
INSERT INTO public.cells VALUES (292, 2, 'requests.result.unable.need_creation.research', 'requests', '三、本年度办理结果 / （四）无法提供 / 2.没有现成信息需要另行制作', '科研机构', 0, '0', 'zero', NULL, NULL, 16, 5);
INSERT INTO public.cells VALUES (293, 2, 'requests.result.unable.need_creation.social_org', 'requests', '三、本年度办理结果 / （四）无法提供 / 2.没有现成信息需要另行制作', '社会公益组织', 0, '0', 'zero', NULL, NULL, 16, 6);
INSERT INTO public.cells VALUES (294, 2, 'requests.result.unable.need_creation.legal_service', 'requests', '三、本年度办理结果 / （四）无法提供 / 2.没有现成信息需要另行制作', '法律服务机构', 0, '0', 'zero', NULL, NULL, 16, 7);
INSERT INTO public.cells VALUES (295, 2, 'requests.result.unable.need_creation.other_org', 'requests', '三、本年度办理结果 / （四）无法提供 / 2.没有现成信息需要另行制作', '其他', 0, '0', 'zero', NULL, NULL, 16, 8);
INSERT INTO public.cells VALUES (296, 2, 'requests.result.unable.need_creation.total', 'requests', '三、本年度办理结果 / （四）无法提供 / 2.没有现成信息需要另行制作', '总计', 26, '26', 'number', NULL, NULL, 16, 9);
INSERT INTO public.cells VALUES (297, 2, 'requests.result.unable.unclear.natural_person', 'requests', '三、本年度办理结果 / （四）无法提供 / 3.补正后申请内容仍不明确', '自然人', 17, '17', 'number', NULL, NULL, 17, 3);
INSERT INTO public.cells VALUES (298, 2, 'requests.result.unable.unclear.commercial', 'requests', '三、本年度办理结果 / （四）无法提供 / 3.补正后申请内容仍不明确', '商业企业', 0, '0', 'zero', NULL, NULL, 17, 4);
INSERT INTO public.cells VALUES (299, 2, 'requests.result.unable.unclear.research', 'requests', '三、本年度办理结果 / （四）无法提供 / 3.补正后申请内容仍不明确', '科研机构', 0, '0', 'zero', NULL, NULL, 17, 5);
INSERT INTO public.cells VALUES (300, 2, 'requests.result.unable.unclear.social_org', 'requests', '三、本年度办理结果 / （四）无法提供 / 3.补正后申请内容仍不明确', '社会公益组织', 0, '0', 'zero', NULL, NULL, 17, 6);
INSERT INTO public.cells VALUES (301, 2, 'requests.result.unable.unclear.legal_service', 'requests', '三、本年度办理结果 / （四）无法提供 / 3.补正后申请内容仍不明确', '法律服务机构', 0, '0', 'zero', NULL, NULL, 17, 7);
INSERT INTO public.cells VALUES (302, 2, 'requests.result.unable.unclear.other_org', 'requests', '三、本年度办理结果 / （四）无法提供 / 3.补正后申请内容仍不明确', '其他', 1, '1', 'number', NULL, NULL, 17, 8);
INSERT INTO public.cells VALUES (303, 2, 'requests.result.unable.unclear.total', 'requests', '三、本年度办理结果 / （四）无法提供 / 3.补正后申请内容仍不明确', '总计', 18, '18', 'number', NULL, NULL, 17, 9);
INSERT INTO public.cells VALUES (304, 2, 'requests.result.not_processed.petition.natural_person', 'requests', '三、本年度办理结果 / （五）不予处理 / 1.信访举报投诉类申请', '自然人', 11, '11', 'number', NULL, NULL, 18, 3);
INSERT INTO public.cells VALUES (305, 2, 'requests.result.not_processed.petition.commercial', 'requests', '三、本年度办理结果 / （五）不予处理 / 1.信访举报投诉类申请', '商业企业', 0, '0', 'zero', NULL, NULL, 18, 4);
INSERT INTO public.cells VALUES (306, 2, 'requests.result.not_processed.petition.research', 'requests', '三、本年度办理结果 / （五）不予处理 / 1.信访举报投诉类申请', '科研机构', 0, '0', 'zero', NULL, NULL, 18, 5);
INSERT INTO public.cells VALUES (307, 2, 'requests.result.not_processed.petition.social_org', 'requests', '三、本年度办理结果 / （五）不予处理 / 1.信访举报投诉类申请', '社会公益组织', 0, '0', 'zero', NULL, NULL, 18, 6);
INSERT INTO public.cells VALUES (308, 2, 'requests.result.not_processed.petition.legal_service', 'requests', '三、本年度办理结果 / （五）不予处理 / 1.信访举报投诉类申请', '法律服务机构', 0, '0', 'zero', NULL, NULL, 18, 7);
INSERT INTO public.cells VALUES (309, 2, 'requests.result.not_processed.petition.other_org', 'requests', '三、本年度办理结果 / （五）不予处理 / 1.信访举报投诉类申请', '其他', 0, '0', 'zero', NULL, NULL, 18, 8);
INSERT INTO public.cells VALUES (310, 2, 'requests.result.not_processed.petition.total', 'requests', '三、本年度办理结果 / （五）不予处理 / 1.信访举报投诉类申请', '总计', 11, '11', 'number', NULL, NULL, 18, 9);
INSERT INTO public.cells VALUES (311, 2, 'requests.result.not_processed.duplicate.natural_person', 'requests', '三、本年度办理结果 / （五）不予处理 / 2.重复申请', '自然人', 19, '19', 'number', NULL, NULL, 19, 3);
INSERT INTO public.cells VALUES (312, 2, 'requests.result.not_processed.duplicate.commercial', 'requests', '三、本年度办理结果 / （五）不予处理 / 2.重复申请', '商业企业', 1, '1', 'number', NULL, NULL, 19, 4);
INSERT INTO public.cells VALUES (313, 2, 'requests.result.not_processed.duplicate.research', 'requests', '三、本年度办理结果 / （五）不予处理 / 2.重复申请', '科研机构', 0, '0', 'zero', NULL, NULL, 19, 5);
INSERT INTO public.cells VALUES (314, 2, 'requests.result.not_processed.duplicate.social_org', 'requests', '三、本年度办理结果 / （五）不予处理 / 2.重复申请', '社会公益组织', 0, '0', 'zero', NULL, NULL, 19, 6);
INSERT INTO public.cells VALUES (315, 2, 'requests.result.not_processed.duplicate.legal_service', 'requests', '三、本年度办理结果 / （五）不予处理 / 2.重复申请', '法律服务机构', 0, '0', 'zero', NULL, NULL, 19, 7);
INSERT INTO public.cells VALUES (316, 2, 'requests.result.not_processed.duplicate.other_org', 'requests', '三、本年度办理结果 / （五）不予处理 / 2.重复申请', '其他', 0, '0', 'zero', NULL, NULL, 19, 8);
INSERT INTO public.cells VALUES (317, 2, 'requests.result.not_processed.duplicate.total', 'requests', '三、本年度办理结果 / （五）不予处理 / 2.重复申请', '总计', 20, '20', 'number', NULL, NULL, 19, 9);
INSERT INTO public.cells VALUES (318, 2, 'requests.result.not_processed.publication.natural_person', 'requests', '三、本年度办理结果 / （五）不予处理 / 3.要求提供公开出版物', '自然人', 1, '1', 'number', NULL, NULL, 20, 3);
INSERT INTO public.cells VALUES (319, 2, 'requests.result.not_processed.publication.commercial', 'requests', '三、本年度办理结果 / （五）不予处理 / 3.要求提供公开出版物', '商业企业', 0, '0', 'zero', NULL, NULL, 20, 4);
INSERT INTO public.cells VALUES (320, 2, 'requests.result.not_processed.publication.research', 'requests', '三、本年度办理结果 / （五）不予处理 / 3.要求提供公开出版物', '科研机构', 0, '0', 'zero', NULL, NULL, 20, 5);
INSERT INTO public.cells VALUES (321, 2, 'requests.result.not_processed.publication.social_org', 'requests', '三、本年度办理结果 / （五）不予处理 / 3.要求提供公开出版物', '社会公益组织', 0, '0', 'zero', NULL, NULL, 20, 6);
INSERT INTO public.cells VALUES (322, 2, 'requests.result.not_processed.publication.legal_service', 'requests', '三、本年度办理结果 / （五）不予处理 / 3.要求提供公开出版物', '法律服务机构', 0, '0', 'zero', NULL, NULL, 20, 7);
INSERT INTO public.cells VALUES (323, 2, 'requests.result.not_processed.publication.other_org', 'requests', '三、本年度办理结果 / （五）不予处理 / 3.要求提供公开出版物', '其他', 0, '0', 'zero', NULL, NULL, 20, 8);
INSERT INTO public.cells VALUES (324, 2, 'requests.result.not_processed.publication.total', 'requests', '三、本年度办理结果 / （五）不予处理 / 3.要求提供公开出版物', '总计', 1, '1', 'number', NULL, NULL, 20, 9);
INSERT INTO public.cells VALUES (325, 2, 'requests.result.not_processed.mass_repeat.natural_person', 'requests', '三、本年度办理结果 / （五）不予处理 / 4.无正当理由大量反复申请', '自然人', 6, '6', 'number', NULL, NULL, 21, 3);
INSERT INTO public.cells VALUES (326, 2, 'requests.result.not_processed.mass_repeat.commercial', 'requests', '三、本年度办理结果 / （五）不予处理 / 4.无正当理由大量反复申请', '商业企业', 0, '0', 'zero', NULL, NULL, 21, 4);
INSERT INTO public.cells VALUES (327, 2, 'requests.result.not_processed.mass_repeat.research', 'requests', '三、本年度办理结果 / （五）不予处理 / 4.无正当理由大量反复申请', '科研机构', 0, '0', 'zero', NULL, NULL, 21, 5);
INSERT INTO public.cells VALUES (328, 2, 'requests.result.not_processed.mass_repeat.social_org', 'requests', '三、本年度办理结果 / （五）不予处理 / 4.无正当理由大量反复申请', '社会公益组织', 0, '0', 'zero', NULL, NULL, 21, 6);
INSERT INTO public.cells VALUES (329, 2, 'requests.result.not_processed.mass_repeat.legal_service', 'requests', '三、本年度办理结果 / （五）不予处理 / 4.无正当理由大量反复申请', '法律服务机构', 0, '0', 'zero', NULL, NULL, 21, 7);
INSERT INTO public.cells VALUES (330, 2, 'requests.result.not_processed.mass_repeat.other_org', 'requests', '三、本年度办理结果 / （五）不予处理 / 4.无正当理由大量反复申请', '其他', 0, '0', 'zero', NULL, NULL, 21, 8);
INSERT INTO public.cells VALUES (331, 2, 'requests.result.not_processed.mass_repeat.total', 'requests', '三、本年度办理结果 / （五）不予处理 / 4.无正当理由大量反复申请', '总计', 6, '6', 'number', NULL, NULL, 21, 9);
INSERT INTO public.cells VALUES (332, 2, 'requests.result.not_processed.confirm.natural_person', 'requests', '三、本年度办理结果 / （五）不予处理 / 5.要求行政机关确认或重新出具已获取信息', '自然人', 2, '2', 'number', NULL, NULL, 22, 3);
INSERT INTO public.cells VALUES (333, 2, 'requests.result.not_processed.confirm.commercial', 'requests', '三、本年度办理结果 / （五）不予处理 / 5.要求行政机关确认或重新出具已获取信息', '商业企业', 0, '0', 'zero', NULL, NULL, 22, 4);
INSERT INTO public.cells VALUES (334, 2, 'requests.result.not_processed.confirm.research', 'requests', '三、本年度办理结果 / （五）不予处理 / 5.要求行政机关确认或重新出具已获取信息', '科研机构', 0, '0', 'zero', NULL, NULL, 22, 5);
INSERT INTO public.cells VALUES (335, 2, 'requests.result.not_processed.confirm.social_org', 'requests', '三、本年度办理结果 / （五）不予处理 / 5.要求行政机关确认或重新出具已获取信息', '社会公益组织', 0, '0', 'zero', NULL, NULL, 22, 6);
INSERT INTO public.cells VALUES (336, 2, 'requests.result.not_processed.confirm.legal_service', 'requests', '三、本年度办理结果 / （五）不予处理 / 5.要求行政机关确认或重新出具已获取信息', '法律服务机构', 0, '0', 'zero', NULL, NULL, 22, 7);
INSERT INTO public.cells VALUES (337, 2, 'requests.result.not_processed.confirm.other_org', 'requests', '三、本年度办理结果 / （五）不予处理 / 5.要求行政机关确认或重新出具已获取信息', '其他', 0, '0', 'zero', NULL, NULL, 22, 8);
INSERT INTO public.cells VALUES (338, 2, 'requests.result.not_processed.confirm.total', 'requests', '三、本年度办理结果 / （五）不予处理 / 5.要求行政机关确认或重新出具已获取信息', '总计', 2, '2', 'number', NULL, NULL, 22, 9);
INSERT INTO public.cells VALUES (339, 2, 'requests.result.other.natural_person', 'requests', '三、本年度办理结果 / （六）其他处理', '自然人', 21, '21', 'number', NULL, NULL, 23, 3);
INSERT INTO public.cells VALUES (340, 2, 'requests.result.other.commercial', 'requests', '三、本年度办理结果 / （六）其他处理', '商业企业', 1, '1', 'number', NULL, NULL, 23, 4);
INSERT INTO public.cells VALUES (341, 2, 'requests.result.other.research', 'requests', '三、本年度办理结果 / （六）其他处理', '科研机构', 0, '0', 'zero', NULL, NULL, 23, 5);
INSERT INTO public.cells VALUES (342, 2, 'requests.result.other.social_org', 'requests', '三、本年度办理结果 / （六）其他处理', '社会公益组织', 0, '0', 'zero', NULL, NULL, 23, 6);
INSERT INTO public.cells VALUES (343, 2, 'requests.result.other.legal_service', 'requests', '三、本年度办理结果 / （六）其他处理', '法律服务机构', 0, '0', 'zero', NULL, NULL, 23, 7);
INSERT INTO public.cells VALUES (344, 2, 'requests.result.other.other_org', 'requests', '三、本年度办理结果 / （六）其他处理', '其他', 0, '0', 'zero', NULL, NULL, 23, 8);
INSERT INTO public.cells VALUES (345, 2, 'requests.result.other.total', 'requests', '三、本年度办理结果 / （六）其他处理', '总计', 22, '22', 'number', NULL, NULL, 23, 9);
INSERT INTO public.cells VALUES (346, 2, 'requests.result.total.natural_person', 'requests', '三、本年度办理结果 / （七）总计', '自然人', 668, '668', 'number', NULL, NULL, 24, 3);
INSERT INTO public.cells VALUES (347, 2, 'requests.result.total.commercial', 'requests', '三、本年度办理结果 / （七）总计', '商业企业', 36, '36', 'number', NULL, NULL, 24, 4);
INSERT INTO public.cells VALUES (348, 2, 'requests.result.total.research', 'requests', '三、本年度办理结果 / （七）总计', '科研机构', 1, '1', 'number', NULL, NULL, 24, 5);
INSERT INTO public.cells VALUES (349, 2, 'requests.result.total.social_org', 'requests', '三、本年度办理结果 / （七）总计', '社会公益组织', 3, '3', 'number', NULL, NULL, 24, 6);
INSERT INTO public.cells VALUES (350, 2, 'requests.result.total.legal_service', 'requests', '三、本年度办理结果 / （七）总计', '法律服务机构', 7, '7', 'number', NULL, NULL, 24, 7);
INSERT INTO public.cells VALUES (351, 2, 'requests.result.total.other_org', 'requests', '三、本年度办理结果 / （七）总计', '其他', 2, '2', 'number', NULL, NULL, 24, 8);
INSERT INTO public.cells VALUES (352, 2, 'requests.result.total.total', 'requests', '三、本年度办理结果 / （七）总计', '总计', 717, '717', 'number', NULL, NULL, 24, 9);
INSERT INTO public.cells VALUES (353, 2, 'requests.carried_forward.natural_person', 'requests', '四、结转下年度继续办理', '自然人', 36, '36', 'number', NULL, NULL, 25, 3);
INSERT INTO public.cells VALUES (354, 2, 'requests.carried_forward.commercial', 'requests', '四、结转下年度继续办理', '商业企业', 2, '2', 'number', NULL, NULL, 25, 4);
INSERT INTO public.cells VALUES (355, 2, 'requests.carried_forward.research', 'requests', '四、结转下年度继续办理', '科研机构', 0, '0', 'zero', NULL, NULL, 25, 5);
INSERT INTO public.cells VALUES (356, 2, 'requests.carried_forward.social_org', 'requests', '四、结转下年度继续办理', '社会公益组织', 0, '0', 'zero', NULL, NULL, 25, 6);
INSERT INTO public.cells VALUES (357, 2, 'requests.carried_forward.legal_service', 'requests', '四、结转下年度继续办理', '法律服务机构', 0, '0', 'zero', NULL, NULL, 25, 7);
INSERT INTO public.cells VALUES (358, 2, 'requests.carried_forward.other_org', 'requests', '四、结转下年度继续办理', '其他', 0, '0', 'zero', NULL, NULL, 25, 8);
INSERT INTO public.cells VALUES (359, 2, 'requests.carried_forward.total', 'requests', '四、结转下年度继续办理', '总计', 38, '38', 'number', NULL, NULL, 25, 9);
INSERT INTO public.cells VALUES (360, 2, 'appeals.review.upheld', 'appeals', '行政复议', '行政复议/结果维持', 14, '14', 'number', NULL, NULL, 3, 0);
INSERT INTO public.cells VALUES (361, 2, 'appeals.review.corrected', 'appeals', '行政复议', '行政复议/结果纠正', 2, '2', 'number', NULL, NULL, 3, 1);
INSERT INTO public.cells VALUES (362, 2, 'appeals.review.other', 'appeals', '行政复议', '行政复议/其他结果', 1, '1', 'number', NULL, NULL, 3, 2);
INSERT INTO public.cells VALUES (363, 2, 'appeals.review.pending', 'appeals', '行政复议', '行政复议/尚未审结', 3, '3', 'number', NULL, NULL, 3, 3);
INSERT INTO public.cells VALUES (364, 2, 'appeals.review.total', 'appeals', '行政复议', '行政复议/总计', 21, '21', 'number', NULL, NULL, 3, 4);
INSERT INTO public.cells VALUES (365, 2, 'appeals.litigation_direct.upheld', 'appeals', '未经复议直接起诉', '未经复议直接起诉/结果维持', 9, '9', 'number', NULL, NULL, 3, 5);
INSERT INTO public.cells VALUES (366, 2, 'appeals.litigation_direct.corrected', 'appeals', '未经复议直接起诉', '未经复议直接起诉/结果纠正', 0, '0', 'zero', NULL, NULL, 3, 6);
INSERT INTO public.cells VALUES (367, 2, 'appeals.litigation_direct.other', 'appeals', '未经复议直接起诉', '未经复议直接起诉/其他结果', 1, '1', 'number', NULL, NULL, 3, 7);
INSERT INTO public.cells VALUES (368, 2, 'appeals.litigation_direct.pending', 'appeals', '未经复议直接起诉', '未经复议直接起诉/尚未审结', 2, '2', 'number', NULL, NULL, 3, 8);
INSERT INTO public.cells VALUES (369, 2, 'appeals.litigation_direct.total', 'appeals', '未经复议直接起诉', '未经复议直接起诉/总计', 12, '12', 'number', NULL, NULL, 3, 9);
INSERT INTO public.cells VALUES (370, 2, 'appeals.litigation_after_review.upheld', 'appeals', '复议后起诉', '复议后起诉/结果维持', 4, '4', 'number', NULL, NULL, 3, 10);
INSERT INTO public.cells VALUES (371, 2, 'appeals.litigation_after_review.corrected', 'appeals', '复议后起诉', '复议后起诉/结果纠正', 0, '0', 'zero', NULL, NULL, 3, 11);
INSERT INTO public.cells VALUES (372, 2, 'appeals.litigation_after_review.other', 'appeals', '复议后起诉', '复议后起诉/其他结果', 0, '0', 'zero', NULL, NULL, 3, 12);
INSERT INTO public.cells VALUES (373, 2, 'appeals.litigation_after_review.pending', 'appeals', '复议后起诉', '复议后起诉/尚未审结', 1, '1', 'number', NULL, NULL, 3, 13);
INSERT INTO public.cells VALUES (374, 2, 'appeals.litigation_after_review.total', 'appeals', '复议后起诉', '复议后起诉/总计', 5, '5', 'number', NULL, NULL, 3, 14);
INSERT INTO public.cells VALUES (375, 2, 'proactive.art20_1.regulations.made', 'proactive', '规章', '本年新制作数量', 0, '0', 'zero', NULL, NULL, 2, 1);
INSERT INTO public.cells VALUES (376, 2, 'proactive.art20_1.regulations.published', 'proactive', '规章', '本年新公开数量', 0, '0', 'zero', NULL, NULL, 2, 2);
INSERT INTO public.cells VALUES (377, 2, 'proactive.art20_1.regulations.total_published', 'proactive', '规章', '对外公开总数量', 0, '0', 'zero', NULL, NULL, 2, 3);
INSERT INTO public.cells VALUES (378, 2, 'proactive.art20_1.normative_docs.made', 'proactive', '规范性文件', '本年新制作数量', 12, '12', 'number', NULL, NULL, 3, 1);
INSERT INTO public.cells VALUES (379, 2, 'proactive.art20_1.normative_docs.published', 'proactive', '规范性文件', '本年新公开数量', 12, '12', 'number', NULL, NULL, 3, 2);
INSERT INTO public.cells VALUES (380, 2, 'proactive.art20_1.normative_docs.total_published', 'proactive', '规范性文件', '对外公开总数量', 186, '186', 'number', NULL, NULL, 3, 3);
INSERT INTO public.cells VALUES (381, 2, 'proactive.art20_5.licensing.prev_items', 'proactive', '行政许可', '上一年项目数量', 412, '412', 'number', NULL, NULL, 6, 1);
INSERT INTO public.cells VALUES (382, 2, 'proactive.art20_5.licensing.change', 'proactive', '行政许可', '本年增/减', 5, '+5', 'number', NULL, NULL, 6, 2);
INSERT INTO public.cells VALUES (383, 2, 'proactive.art20_5.licensing.decisions', 'proactive', '行政许可', '处理决定数量', 128765, '128,765', 'number', NULL, NULL, 6, 3);
INSERT INTO public.cells VALUES (384, 2, 'proactive.art20_5.other_services.prev_items', 'proactive', '其他对外管理服务事项', '上一年项目数量', 356, '356', 'number', NULL, NULL, 7, 1);
INSERT INTO public.cells VALUES (385, 2, 'proactive.art20_5.other_services.change', 'proactive', '其他对外管理服务事项', '本年增/减', -12, '-12', 'number', NULL, NULL, 7, 2);
INSERT INTO public.cells VALUES (386, 2, 'proactive.art20_5.other_services.decisions', 'proactive', '其他对外管理服务事项', '处理决定数量', 60231, '60231', 'number', NULL, NULL, 7, 3);
INSERT INTO public.cells VALUES (387, 2, 'proactive.art20_6.penalty.prev_items', 'proactive', '行政处罚', '上一年项目数量', 1890, '1890', 'number', NULL, NULL, 10, 1);
INSERT INTO public.cells VALUES (388, 2, 'proactive.art20_6.penalty.change', 'proactive', '行政处罚', '本年增/减', 36, '+36', 'number', NULL, NULL, 10, 2);
INSERT INTO public.cells VALUES (389, 2, 'proactive.art20_6.penalty.decisions', 'proactive', '行政处罚', '处理决定数量', 9876, '9,876', 'number', NULL, NULL, 10, 3);
INSERT INTO public.cells VALUES (390, 2, 'proactive.art20_6.coercion.prev_items', 'proactive', '行政强制', '上一年项目数量', 98, '98', 'number', NULL, NULL, 11, 1);
INSERT INTO public.cells VALUES (391, 2, 'proactive.art20_6.coercion.change', 'proactive', '行政强制', '本年增/减', 0, '0', 'zero', NULL, NULL, 11, 2);
INSERT INTO public.cells VALUES (392, 2, 'proactive.art20_6.coercion.decisions', 'proactive', '行政强制', '处理决定数量', 1203, '1203', 'number', NULL, NULL, 11, 3);
INSERT INTO public.cells VALUES (393, 2, 'proactive.art20_8.fees.prev_items', 'proactive', '行政事业性收费', '上一年项目数量', 27, '27', 'number', NULL, NULL, 14, 1);
INSERT INTO public.cells VALUES (394, 2, 'proactive.art20_8.fees.change', 'proactive', '行政事业性收费', '本年增/减', -2, '-2', 'number', NULL, NULL, 14, 2);
INSERT INTO public.cells VALUES (395, 2, 'proactive.art20_9.procurement.items', 'proactive', '政府集中采购', '采购项目数量', 512, '512', 'number', NULL, NULL, 17, 1);
INSERT INTO public.cells VALUES (396, 2, 'proactive.art20_9.procurement.amount_yuan', 'proactive', '政府集中采购', '采购总金额', 856325000, '85632.5万元', 'number', '元', NULL, 17, 2);


--
-- Data for Name: documents; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.documents VALUES (1, 'd0db8d5275c09f54956f2480bbb11b0c0e25bd8679c99da8a4b3984ea505c39c', '/tmp/legacy/raw/baoshan-2020-report.txt', 'baoshan-2020-report.txt', 'text', 27573, NULL, 'ingested', NULL, '2026-11-26 16:38:48.442988+00');
INSERT INTO public.documents VALUES (2, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', '/tmp/legacy/raw/empty.docx', 'empty.docx', NULL, 0, NULL, 'failed', 'empty file', '2026-11-26 16:38:48.478681+00');
INSERT INTO public.documents VALUES (3, 'd372646b360cb13fb636d9b4cd794515713b46c23c489e2c53abb17fa05a0af3', '/tmp/legacy/raw/xuhui-2019-broken.docx', 'xuhui-2019-broken.docx', 'docx', 41255, NULL, 'ingested', NULL, '2026-11-26 16:38:48.526397+00');


--
-- Data for Name: facts; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: flags; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.flags VALUES (1, 2, 'identity', 'requests.balance [natural_person]: received + carried_over = 703 but result.total + carried_forward = 704', 'requests.balance', 'natural_person', NULL, 703, 704, NULL, NULL);
INSERT INTO public.flags VALUES (2, 2, 'identity', 'requests.row_total [received]: sum of applicant columns = 702 but total = 703', 'requests.row_total', 'received', NULL, 702, 703, NULL, NULL);
INSERT INTO public.flags VALUES (3, 2, 'identity', 'appeals.group_total [review]: upheld + corrected + other + pending = 20 but total = 21', 'appeals.group_total', 'review', NULL, 20, 21, NULL, NULL);


--
-- Data for Name: reports; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.reports VALUES (1, 1, '2020年上海市宝山区政府信息公开工作年度报告', '上海市宝山区', '310113', 'county', '上海市宝山区人民政府', 'government', 2020, 'ed2019', false);
INSERT INTO public.reports VALUES (2, 3, '2019年上海市徐汇区政府信息公开工作年度报告', '上海市徐汇区', '310104', 'county', '上海市徐汇区人民政府', 'government', 2019, 'ed2019', false);


--
-- Data for Name: sections; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.sections VALUES (1, 1, 0, 0, '', '2020年上海市宝山区政府信息公开工作年度报告', '2020年上海市宝山区政府信息公开工作 年度报告
上海市宝山区人民政府
本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）、《上海市政府信息公开规定》（以下简称《规定》）、国务院办公厅政府信息和政务公开办《关于政府信息公开工作年度报告有关事项的通知》的要求，由宝山区人民政府综合各区级部门的政府信息公开工作年度报告编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开工作被申请行政复议和提起行政诉讼情况、政府信息公开工作存在的主要问题及改进情况及其他需要报告的事项。本年度报告中所列数据统计期限从2020年1月1日到12月31日止。本年度报告电子版可从本区政府网站（<http://www.shbsq.gov.cn>）下载。', NULL);
INSERT INTO public.sections VALUES (2, 1, 1, 1, '一、总体情况', '一、总体情况', '2020年，宝山区按照党中央、国务院及上海市有关决策部署，深入贯彻以人民为中心的发展理念，紧紧围绕区委、区政府中心工作，助力疫情防控和经济社会发展，持续加大主动公开力度，不断规范依申请公开流程，提高公众参与广度深度。准确执行新修订的《中华人民共和国政府信息公开条例》和《上海市政府信息公开规定》，贯彻落实国家、市、
区《2020年政务公开工作要点》的相关要求，以高质量公开助力推进治理体系和治理能力现代化。', NULL);
INSERT INTO public.sections VALUES (3, 1, 2, 2, '一、总体情况 / （一）主动公开方面', '（一）主动公开方面', '2020年，我区共制发公文类政府信息4895条，主动公开4811条，发文量同比减少34.97%，主动公开率98.28%，再创历史新高，位列全市第一。其中，区级部门（不含区本级和市级垂直管理部门）公文类政府信息的主动公开率为97.99%，各街镇（园区）公文类政府信息百分之百向社会主动公开。', NULL);
INSERT INTO public.sections VALUES (4, 1, 3, 3, '一、总体情况 / （一）主动公开方面 / 1、全面推进决策、管理、服务、执行、结果公开', '1、全面推进决策、管理、服务、执行、结果公开', '落实重大行政决策公众参与程序。经区政府常务会议审议通过并及时发布2020年区政府重大行政决策目录，统筹全年区政府重大决策工作。区政府第112次、第127次常务会议邀请利益相关方代表参会，倾听民众意见，接受民众监督，分别审议并通过了《宝山区人民政府关于加强中小学幼儿园安全风险防控体系建设的实施意见》《宝山区秋冬季新冠肺炎疫情防控工作方案》，科学、民主、依法决策意识进一步提高。
持续优化营商环境。公开2020年社会信用体系建设工作要点和信用“三清单”（2020版）。加强行政许可、行政处罚“双公示”等信用信息的归集使用和信用信息查询应用，持续推进信用信息归集共享。2020年度上报“双公示”事项506条数据3669条、行政合同249个、信用承诺书3392个、联合奖惩案例2709个、各类案例32个。修复162条信用事项。
在各类表彰奖励和评优中进行信用报告查询，在全市首推惠民“信易签”服务。做好企业金融服务，持续优化投资类企业结构，引入昇罗投资、混沌博荃等生物医药相关基金以及同济股权等创投基金，公开金融扶持政策，支持服务千百亿重点产业和重点园区发展。加强金融机构与新闻媒体的沟通合作，及时宣传区域金融业发展和金融工作亮点，增强公众金融意识，为金融业发展创造良好的舆论环境。
行政审批制度改革亮点凸显。推进高效办成“一件事”业务流程再造，分批推进 30 项“一件事”改革事项，开辟“宝你会一件事”线上专区、线下专窗，在全市首创融合无人工干预、全程网办的运输车辆注销自动办理“一件事”。全面落实国务院“互联网+监管”首次评估要求，完成 1123 项监管子项认领和 1220 项检查实施事项要素完善，累计推送监管动态 40 篇和 9 份曝光台信息。
“一网通办”工作向纵深推进。不断推进办事服务全过程精准公开，以流程再造助推全程网办，定制优化 27 项高频政务服务事项的全程网上办理，在全市首创“困难行业稳就业一次性补贴”不见面办理，累计受理 514 家企业线上申请。数字化赋能“无人干预”智能办理，开发上线 25 项“无人干预自动办理”事项，累计办理 4338 件。推动“好差评”“三对应”全覆盖，共收到企业群众评价 104 万余条，好评率 99.99%，124 条差评全部按时办结并网上公开答复，平均办结时限缩短至 4 天。
政府实项目公开更加全面。充分贯彻“人民城市人民建，人民城市为人民”的理念，把切实解决人民群众最关心、最直接、最现实的“急难愁”问题作为工作的出发点和根本目标，着力推进政府实项目惠及民生，让老百姓共享改革发展的成果。2020年区政府实项目所涉28个子项目任务已全部完成，其中，8个子项目超额完成年度目标，取得了良好的社会效应，月度及年度实项目完成情况均已在区门户网站上公开。
建议提案办理公开更加透明。通过领导领衔、协商推进、目标管控、结果公开等一系列措施，不断提升办理工作质量，创新办理工作机制，提升办理工作实效。2020年，我区政府系统共承办区级人大代表建议88件，区级政协提案154件。242件建议提案均按期办理完毕，无不满意件，办理结果均已按要求在区门户网站上公开，主动公开总件数228件，主动公开率为94.2%。', NULL);
INSERT INTO public.sections VALUES (5, 1, 4, 3, '一、总体情况 / （一）主动公开方面 / 2、扎实做好重点领域公开', '2、扎实做好重点领域公开', '深化财政领域信息公开。政府预决算方面：除涉密单位外，65家区级预算部门（单位）按时、按要求完成预决算信息公开，其中绩效目标和绩效自评结果信息按照不低于部门项目支出资金总量50%进行公开，包括225个项目绩效目标、270个项目自评价结果信息，同时公开了8个重点支出项目的绩效评价报告，主动接受社会监督。财政专项资金方面：进一步加强对教育、医疗卫生、社会保障和就业、住房保障、涉农补贴等民生支出专项管理工作，涉及2019年财政专项
资金项目共 39 个，其中中央专项 25 个、市拨专项 14 个，全部完成公开。政府采购方面：积极推进各部门、各单位主动落实政府采购信息公开责任，提高政府采购透明度；及时完整公开投诉和监督检查处理决定等监管处罚信息，通过政府采购全过程信息公开，促进宝山区营商环境的进一步优化。行政事业性收费方面：公布了 2020 年度宝山区行政事业性收费目录清单 48 条、考试考务费目录清单 23 条、涉企收费目录清单 32 条。地方政府债务方面：公开了宝山区 2019 年地方政府债务债券资金使用情况以及 2019 年地方政府债券发行额、限额、余额、还本付息决算数等情况，宝山区 2017-2019 年新增债券存续期情况。
深化公共监管领域信息公开。“双随机、一公开”方面：全年组织“双随机、一公开”抽查 52 项，检查对象 11445 户次，随机抽查覆盖率达 100%。开展跨部门“双随机”联合检查 3 次，实现“进一次门，查多项事”，定期公示“双随机、一公开”工作，具体检查结果通过国家企业信用信息公示系统对外公布。事中事后监管方面：着力打造事中事后综合监管平台。在平台中归集全区 33 家单位的已认领或自制监管事项清单 833 项，监管事项子项 3122 项，检查实施清单 1041 项，其中可执行“双随机、一公开”清单 581 项。归集各类行政信息 694090 条，其中行政许可公示信息 262101 条，行政处罚公示信息 39443 条，抽查检查公示信息 266855 条，联合惩戒公示信息 125649 条，小微扶持信息 42 条。食品药品监管方面：在政务公开专栏公布生产环节食品安全监督检查结果
412 条，生产环节监督抽检 323 条，食品经营环节监督抽检结果 5192 条，药品零售企业行政检查信息 1149 条，医疗器械经营企业监督检查结果 2323 条。侵权假冒行为行政处罚方面：2020 年，共立案查处 60 件，结案 47 件，罚没款 182.18 万元，为历年同期最高。所有案件处罚信息通过国家企业信用信息公示系统、上海市市场监督管理局等政府网站向社会公开。安全生产方面：公开危险化学品经营许可信息 343 条、安全生产行政处罚信息 123 条。加强安全生产事故和应急信息公开，全年公开 16 起安全生产事故调查报告；通过“宝山应急”微信公众号及时发布台风、极端天气预警信息，提醒市民做好防范应对工作。
深化公共资源配置领域信息公开。住房方面：进一步完善“四位一体”住房保障体系，保障公众对保障性住房领域信息的知情权、参与权和监督权。及时发布各类保障房准入标准、申请须知、相关实施细则、复审公示、登录公告、轮候排序、房源、选房结果公示等相关信息。全年发布复审公示、登录公告 49 批次 710 条；完成第七、第八批次本市沪籍及第一批非本市沪籍共有产权保障住房选房工作，共计 1822 户选定房源；发布房源信息、选房结果 12 批次，9515 条。受理市筹公租房申请 48 户，取得登录资格 40 户；受理区筹公租房申请 2450 户，取得登录资格 2359 户。教育方面：疫情期间，探索全新教学模式，通过有线电视、IPTV、电脑、手机等各种终端进行上课，课后通过多种信息平台，师生进行互动交流，做到“停课不停学”。围绕教育督导督政督学政
策，对全区 140 所中小学在线教育情况进行了专项督导，发布教育督导相关信息共 17 条。公布本区 2020 年义务教育阶段学校招生入学工作的实施意见以及学校校区范围与招生计划（中小学）等信息 44 条。对电脑随机“摇号”报名录取工作做到第一时间公布，保证了信息的公平公正。公布义务教育阶段民办学校收费标准及办学情况年检结果，以及幼儿园招生计划及民办幼儿园收费标准。医疗方面：及时向公众广泛宣传居民自我防护疫情防控知识和疫情防控政策，公布涉疫重点场所，提高居民的防范意识。通过创新健康教育模式，提高健康教育的覆盖面和实施效果，提高社区居民健康素养。做好医疗机构有关信息和服务流程公开，不断改善群众就医体验。向社会主动公开医院依法执业登记的主要事项、就诊时间与程序等；向患者公开门诊就诊服务、重大医疗服务告知等，充分发挥信息化和“互联网+”功能，通过院内院外 LED 显示屏幕、触摸屏、医院官网、医院公众号等媒介，创新模式，提升质量和实效。
深化社会公益事业领域信息公开。就业创业方面：提高就业创业信息公开实效，促进老百姓快速及时获取相关信息。通过门户网站、“宝山就业”“创赢宝山”微信公众号等信息平台，发布各类便民服务信息 460 条，其中发布就业创业服务活动信息 421 条，发布促进就业和创业相关政策 39 条。养老服务方面：在上海宝山“公众服务”栏目发布、更新全区养老机构的基础信息，为公众提供便民服务。每月公开全区老年综合津贴资金发放情况和高龄老人牛奶经费情况、区政
府实项目（新增养老床位 328 张；新建（增）社区综合为老服务中心至少 2 家；新增社区老年助餐场所 30 个；改建（新增）认知障碍照护床位 173 张）进展情况，邀请居民群众、人大代表等实地参观了街道为老服务分中心和日间照料中心，体验“十五分钟为老服务圈”。社会救助方面：每月公开城乡社会救助情况汇总、散居孤儿生活费发放情况、困境儿童资金发放情况、重度残疾人护理补贴发放情况、困境残疾人生活补贴发放情况、临时救助情况汇总等内容，便于公众查询和监督。慈善事业方面：打造了“蓝天下的至爱”“希望之桥”“携手之爱”“分享快乐、童梦起航”等一批具有社会影响力和号召力的慈善品牌项目，通过上海慈善网对品牌项目、筹款项目等相关内容进行信息公开。另外，根据有关规定，对 2019 年度本区福利彩票公益金筹集和项目使用情况进行公开。
深化重大工程建设领域信息公开。进一步优化“宝山区重大建设项目批准和实施领域信息公开”专栏建设，公开张华浜东排水系统、上海淞沪抗战纪念馆、江杨南路北段等 18 个区重大建设工程项目的批准服务、批准结果、招标投标、征收土地、重大设计变更、施工、质量安全监督、竣工信息，全年共发布相关信息 400 余条，以公开提升项目批准、实施的透明度和效率，保障人民群众合法权益。
深化国资国企领域信息公开。按月公开本区国有、集体经济运行情况及年度国有资产保值增值信息。公开国资改革监管相关政策文件，并同步做好政策解读工作。公开国有企
业股权转让、企业注销、增加注册资本等有关信息。全年累计公开相关信息 30 余件。做好直管国企领导职务变动信息公开。公开区管国有企业任期经营业绩考核结果和区管国有企业领导人员薪酬总体情况。推进区管国有企业信息公开工作。鼓励企业在企业网站、企务公开栏、职代会报告、公共招聘平台、两微一端等多渠道对外披露基本情况、公司治理及管理架构、主要财务会计报表等信息。', NULL);
INSERT INTO public.sections VALUES (6, 1, 5, 3, '一、总体情况 / （一）主动公开方面 / 3、解读回应参与实效进一步增强', '3、解读回应参与实效进一步增强', '依托政府开放活动加强政民互动。2020 年，全区多渠道、多方位、多角度集中组织开展以乡村振兴、优化营商环境、一网统管等为主题，以“政府开放月”“政府开放周”“政府开放日”等形式的各类活动共计 30 余场，受到了人大代表、政协委员以及市民代表的点赞好评。
政策解读精准性和针对性进一步提高。针对 2020 年发布的《宝山区关于培育壮大优势产业集群推进经济高质量发展若干政策的意见》《宝山区人才发展专项资金使用管理办法》等 10 余个规范性文件解读材料更加明确重点。同时，开展多形式、多样化解读，对《2019 年上海市宝山区政府信息公开工作年度报告》《2020 年宝山区政务公开工作要点》等进行“一图读懂”式解读，更加简洁直观，增强阅读感、获得感。
广泛开展多种形式的公众参与。全年组织召开各类新闻发布会、通气会 6 场，策划主题采访活动 20 余次。主题涉及：公筷公勺活动、垃圾分类、纪念中国人民抗日战争胜利
75周年、中国生物医药产业创新大会开幕、上海发那科智能工厂三期开工奠基、2020年度“新时代奋斗者”媒体集中宣传报道徐红同志等，疫情期间坚持开展“百姓连线”节目，通过电话采访社区工作人员，了解社区防疫一线即时情况，制作“社区—防疫在一线”系列栏目12期，邀请社区书记做客直播间制作“后疫情时代”系列栏目12期。改版制作“精彩博物馆”“为老服务”“宝山非遗美食”等系列节目12期。', NULL);
INSERT INTO public.sections VALUES (7, 1, 6, 2, '一、总体情况 / （二）依申请公开方面', '（二）依申请公开方面', '2020年，全区共受理信息公开申请663件，答复政府信息公开申请695件（含上年度结转申请73件，另有41件申请按照《条例》规定顺延到下年度答复），均按照全链条管理，在法定期限内予以答复。予以公开及部分公开264件；部分公开8件；不予公开17件（分别为保护第三方合法权益1件、属于三类内部事务信息1件、属于四类过程性信息3件、属于行政查询事项12件）；无法提供356件（分别为因本机关不掌握等原因无法提供284件、没有现成信息需要另行制作40件、补正后申请内容仍不明确32件）；不予处理24件（分别为信访举报投诉类申请1件、重复申请23件）；其他处理26件，主要为申请人主动撤销和信息已归档。
2020年，针对本区有关政府信息公开事务的行政复议案件25件、行政诉讼案件30件，目前已审结案件均无纠错。', NULL);
INSERT INTO public.sections VALUES (8, 1, 7, 2, '一、总体情况 / （三）政府信息管理方面', '（三）政府信息管理方面', '动态拓展主动公开范围。组织开展对2010年以来公文类政府信息公开开展公开属性重新审查工作。经梳理，全区共有
37845 件公文类政府信息纳入审查范围，其中涉及区政府、区政府办公室的公文类政府信息共 2561 条。经重新审查，全区新增依申请公开转主动公开的公文类政府信息 3181 件，均已通过政府门户网站予以公开。
全面推进政务公开标准化规范化建设工作。全区各街镇园区、各委办局的政务公开标准化规范化工作有序开展，除市政府部门垂直管理机关以外，48 家单位完成了全面梳理公开事项，细化公开标准，形成了分类科学、内容完整、充分体现业务工作内容的政务公开标准目录。同时，在标准化专栏中以超链接等方式归集展示国家 26 个试点领域涉及的各项具体信息，细致做好标准指引落地应用，政务公开规范化标准化程度进一步提高。
助力疫情防控服务保障。建设“宝山区抗击新冠肺炎防控规定专区”，集中展示市政府和本区防控规定，充分发挥政务公开在抗击疫情服务保障方面的支撑作用。及时纠正基层单位不当防控行为。采取善意提醒、要求撤回信息发布等方式，避免了因不当行为对疫情防控整体工作产生不利影响。', NULL);
INSERT INTO public.sections VALUES (23, 2, 7, 2, '一、总体情况 / （四）平台建设情况', '（四）平台建设情况', '优化区政府门户网站政府信息公开专栏，按新《条例》调整栏目设置。', NULL);
INSERT INTO public.sections VALUES (24, 2, 8, 2, '一、总体情况 / （五）监督保障情况', '（五）监督保障情况', '组织政务公开业务培训3次，将政务公开纳入绩效考核。', NULL);
INSERT INTO public.sections VALUES (25, 2, 9, 1, '二、主动公开政府信息情况', '二、主动公开政府信息情况', '', NULL);
INSERT INTO public.sections VALUES (26, 2, 10, 1, '三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请情况', '', NULL);
INSERT INTO public.sections VALUES (27, 2, 11, 1, '四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政复议、行政诉讼情况', '', NULL);
INSERT INTO public.sections VALUES (9, 1, 8, 2, '一、总体情况 / （四）平台建设方面', '（四）平台建设方面', '强化政府网站集约化管理。根据“互联网+政务服务”发展理念，政务部切实加强政府网站信息内容建设，进一步将政府门户网站打造成智慧高效的政务服务新平台，展现更真实、立体、全面的宝山。着力政务信息发布，聚焦政务信息、强化政民互动、优化公众服务、推进营商环境、升级英文版，全年共发布信息 33345 条。落实政府网站普查，持续推进“周
提醒，月自测，季普查，年考评”普查机制，接受中国上海每季度检查 2 次，全年共 8 次，网站普查总合格率为 100%，普查总分在各区中名列前茅。持续完善管理办法，重新修订了《上海宝山政府门户网管理办法》，围绕全区重大活动和重要工作，与各部门业务联动，推出 10 余个专题，阶段性在首页展示。完成政府网站数据与市集约化平台对接，区政府网站全面支持 IPv6 访问。
新媒体建设运营不断深入。2020 年，“宝山汇”融媒客户端下载量超过 67 万，较前一年增加了 50 万，编辑发布 2 万多篇稿件；开设政府信息公开专栏，将决策公开、执行公开、管理公开、服务公开、结果公开等政务公开类信息在 App 上实时发布，网友可在 App 上实现依申请公开全流程操作。“上海宝山”微信发布推文约 7500 条，总阅读数约 1400 万，总用户数 45 万，较前一年增加了 5 万；“上海宝山”抖音号共发布短视频 1100 多条，获赞量 188.4 万，粉丝数 12 万，较前一年增加了 11.4 万；“上海宝山发布”粉丝达到 79 万，较前一年增加了 10 万，微博发文约 22000 多篇，阅读数约 7 亿次。', NULL);
INSERT INTO public.sections VALUES (10, 1, 9, 2, '一、总体情况 / （五）监督保障方面', '（五）监督保障方面', '完成政务公开制度修订。依据新修订的《上海市政府信息公开规定》和新制定的《上海市重大行政决策公众参与工作规则》等规章、文件，对 2015 年《宝山区政府信息公开实施办法》的内容进行修订。印发了《宝山区政务公开和政府信息公开实施办法》等“1+3”制度文件，并完成对《宝山区政府信息公开申请常用示范文书》的同步修订。修订区本级
并指导全区各有权机关修订本单位信息公开指南。
创新宣贯和组织实施《上海市政府信息公开规定》。通过线上线下多种渠道，对新修订的《上海市政府信息公开规定》组织开展专题宣传活动。在“上海宝山”微信公众号推出“有奖问答！@宝山人，新修订的《上海市政府信息公开规定》，你了解吗？”，积极调动了全区乃至本市广大市民群众参与活动的积极性。
大力发挥第三方评估作用。邀请第三方法律服务机构就合法性和服务性程度两项指标，围绕政务公开基础、全面推进“五公开”情况、增强解读回应参与时效和政务公开标准化规范化建设四项内容进行主动公开工作评估。同时，对各被评议单位进行信息公开测试申请，就其答复的合法性以及便民性对依申请公开工作进行评估。根据各被评议单位在评估中对政府信息公开工作的完成情况，进行数据分析，并提出相应的对策建议。
组织专题学习及业务培训。将政务公开纳入领导学法内容，区政府第128次常务会议集体研究学习《政府信息公开条例》，邀请市政府办公厅政务公开办领导在宝山区处级干部培训班上专题解读《政府信息公开条例》，切实提高了各级领导干部对政务公开工作的重视程度。组织了2次政务公开和1次重大行政决策专题业务培训，共计340人次参加，基层人员的工作认识进一步强化，坚持学以致用、以用促学、学用相长的科学方法，使得理论与实践的联系更加紧密，政务公开业务能力有了新的提高。', NULL);
INSERT INTO public.sections VALUES (11, 1, 10, 1, '二、主动公开政府信息情况', '二、主动公开政府信息情况', '', NULL);
INSERT INTO public.sections VALUES (12, 1, 11, 1, '三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请情况', '', NULL);
INSERT INTO public.sections VALUES (13, 1, 12, 1, '四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政复议、行政诉讼情况', '', NULL);
INSERT INTO public.sections VALUES (14, 1, 13, 1, '五、存在的主要问题及改进情况', '五、存在的主要问题及改进情况', '2020年，宝山区政务公开各项工作取得了一定的成效，但还存在一些问题，主要表现在：各单位在公开的内容方面还不全面规范、主动回应群众关切的意识还有待进一步提高、公众参与的方式和渠道还不够丰富等。2021年是中国共产党成立100周年，是实施“十四五”规划的开局之年。宝山区政务公开工作将以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的十九大和十九届二中、三中、四中、五中全会精神，深入贯彻落实市委、市政府和区委、区政府的决策部署，深入践行“人民城市人民建、人民城市为人民”的重要理念，以更加奋发有为、只争朝夕的精神状态，坚持需求导向、问题导向、效果导向，全面提升工作能级，为建设科创中心主阵地提供服务保障。
一是促进标准化规范化工作成果落地见效。在前期政务
公开标准化规范化工作的基础上，不断完善优化公开事项和公开内容，进一步提高基层政务公开的针对性、实效性，使标准化规范化工作成果真正惠及人民群众。同时，坚持统筹规划，将政务公开标准、规范的制定和实施与规范政务公开行为相结合，建立统一的区级标准体系，并根据实际情况定期调整和更新，推进政务公开与政务服务标准化有机融合。
二是不断丰富政策解读形式内容。进一步加强公开专栏内容优化维护，聚焦法定主动公开内容，按照“五公开”和发布解读回应要求，优化内容展示形式和方式。进一步加强对政策文件图表图解、视频动漫、流程演示等多元化解读，丰富解读形式和内容，强化政务新媒体政务属性，不断增强信息编发、回应关切能力。
三是逐步完善公众参与制度。不断扩大公众参与渠道，丰富公众参与内容，探索更多、更广、更新的公众参与方式，多渠道、多方位、多角度举办各类公众参与活动，如利益相关方参会、政府开放日、网络问政等，把政民互动作为基本形式，把公开透明作为基本原则，加强服务型政府建设，搭建政府与群众之间的沟通桥梁，增强政府公信力、凝聚力和执行力。', NULL);
INSERT INTO public.sections VALUES (15, 1, 14, 1, '六、其他需要报告的事项', '六、其他需要报告的事项', '本年度报告统计范围为：区政府及其依法行使行政职权的工作部门，不包括市政府部门垂直管理机关，如区税务局、区公安分局等单位。', NULL);
INSERT INTO public.sections VALUES (16, 2, 0, 0, '', '2019年上海市徐汇区政府信息公开工作年度报告', '上海市徐汇区人民政府
本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《上海市政府信息公开规定》要求，由徐汇区人民政府办公室编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本年度报告中所列数据统计期限自2019年1月1日起至2019年12月31日止。', NULL);
INSERT INTO public.sections VALUES (17, 2, 1, 1, '一、总体情况', '一、总体情况', '2019年，徐汇区认真贯彻新修订的《条例》，围绕区委、区政府中心工作，持续深化政务公开，推进决策、执行、管理、服务、结果公开。', NULL);
INSERT INTO public.sections VALUES (18, 2, 2, 2, '一、总体情况 / （一）主动公开情况', '（一）主动公开情况', '', NULL);
INSERT INTO public.sections VALUES (19, 2, 3, 3, '一、总体情况 / （一）主动公开情况 / 1、推进重点领域信息公开', '1、推进重点领域信息公开', '全年主动公开政府信息9800余条，其中制发规范性文件12件，全部向社会公开。', NULL);
INSERT INTO public.sections VALUES (20, 2, 4, 3, '一、总体情况 / （一）主动公开情况 / 2、加强政策解读', '2、加强政策解读', '坚持政策文件与解读材料同步起草、同步审签、同步发布，全年发布解读材料87篇。', NULL);
INSERT INTO public.sections VALUES (21, 2, 5, 2, '一、总体情况 / （二）依申请公开情况', '（二）依申请公开情况', '全年共收到政府信息公开申请702件，上年结转52件，结转下年度继续办理37件。', NULL);
INSERT INTO public.sections VALUES (22, 2, 6, 2, '一、总体情况 / （三）政府信息管理情况', '（三）政府信息管理情况', '完善政府信息公开属性源头认定机制，开展公文类信息公开属性复核。', NULL);
INSERT INTO public.sections VALUES (28, 2, 12, 1, '五、存在的主要问题及改进情况', '五、存在的主要问题及改进情况', '一是公开内容的规范性有待加强；二是依申请公开答复质量有待提高。2020年，我区将进一步完善工作机制，提升公开实效。', NULL);
INSERT INTO public.sections VALUES (29, 2, 13, 1, '六、其他需要报告的事项', '六、其他需要报告的事项', '无。', NULL);


--
-- Name: cells_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.cells_id_seq', 396, true);


--
-- Name: documents_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.documents_id_seq', 3, true);


--
-- Name: facts_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.facts_id_seq', 1, false);


--
-- Name: flags_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.flags_id_seq', 3, true);


--
-- Name: reports_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.reports_id_seq', 2, true);


--
-- Name: sections_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sections_id_seq', 29, true);


--
-- Name: cells cells_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cells
    ADD CONSTRAINT cells_pkey PRIMARY KEY (id);


--
-- Name: documents documents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.documents
    ADD CONSTRAINT documents_pkey PRIMARY KEY (id);


--
-- Name: documents documents_sha256_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.documents
    ADD CONSTRAINT documents_sha256_key UNIQUE (sha256);


--
-- Name: facts facts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.facts
    ADD CONSTRAINT facts_pkey PRIMARY KEY (id);


--
-- Name: flags flags_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flags
    ADD CONSTRAINT flags_pkey PRIMARY KEY (id);


--
-- Name: reports reports_document_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_document_id_key UNIQUE (document_id);


--
-- Name: reports reports_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_pkey PRIMARY KEY (id);


--
-- Name: sections sections_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sections
    ADD CONSTRAINT sections_pkey PRIMARY KEY (id);


--
-- Name: cells uq_cells_report_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cells
    ADD CONSTRAINT uq_cells_report_key UNIQUE (report_id, key);


--
-- Name: ix_cells_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_cells_key ON public.cells USING btree (key);


--
-- Name: ix_cells_report_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_cells_report_id ON public.cells USING btree (report_id);


--
-- Name: ix_documents_path; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_documents_path ON public.documents USING btree (path);


--
-- Name: ix_facts_report_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_facts_report_id ON public.facts USING btree (report_id);


--
-- Name: ix_flags_kind; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_flags_kind ON public.flags USING btree (kind);


--
-- Name: ix_flags_report_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_flags_report_id ON public.flags USING btree (report_id);


--
-- Name: ix_reports_admin_code; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_reports_admin_code ON public.reports USING btree (admin_code);


--
-- Name: ix_reports_region; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_reports_region ON public.reports USING btree (region);


--
-- Name: ix_reports_year; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_reports_year ON public.reports USING btree (year);


--
-- Name: ix_sections_report_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_sections_report_id ON public.sections USING btree (report_id);


--
-- Name: cells cells_report_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cells
    ADD CONSTRAINT cells_report_id_fkey FOREIGN KEY (report_id) REFERENCES public.reports(id) ON DELETE CASCADE;


--
-- Name: facts facts_report_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.facts
    ADD CONSTRAINT facts_report_id_fkey FOREIGN KEY (report_id) REFERENCES public.reports(id) ON DELETE CASCADE;


--
-- Name: flags flags_report_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flags
    ADD CONSTRAINT flags_report_id_fkey FOREIGN KEY (report_id) REFERENCES public.reports(id) ON DELETE CASCADE;


--
-- Name: reports reports_document_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_document_id_fkey FOREIGN KEY (document_id) REFERENCES public.documents(id) ON DELETE CASCADE;


--
-- Name: sections sections_report_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sections
    ADD CONSTRAINT sections_report_id_fkey FOREIGN KEY (report_id) REFERENCES public.reports(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


